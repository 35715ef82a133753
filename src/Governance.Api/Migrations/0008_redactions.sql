-- Redactions for the public record (issue 15, Woo): an event whose data a member of the public may not see, with the
-- Woo ground (e.g. 5.1.2.e, personal privacy) and a reason. The export then publishes only the data's SHA-256, which the
-- chain commits to, so the record still verifies. A decision about publishing, not about history: the ledger is untouched.
create table app.redactions (
    tenant_id  text        not null,
    event_id   uuid        not null,
    ground     text        not null check (ground ~ '^5\.[1-7]\.[1-9](\.[a-i])?$'),
    reason     text        not null check (length(reason) between 1 and 500),
    decided_at timestamptz not null,
    primary key (tenant_id, event_id)
);
