-- Every deadline of every meeting (R1–R7), as MeetingDeadlines computes it, kept by the daemon for partner
-- punctuality. A deadline not yet done is 'open': its status (pending, extended or missing) is finished at read
-- time against the clock, so the table never needs a sweep to stay true.
create table projections.meeting_deadlines (
    tenant_id           text        not null,
    meeting_id          text        not null,
    rule                text        not null,
    subject             text        not null,
    responsible_partner text,
    responsible_office  text,
    meeting_start       timestamptz not null,
    agreed_due_at       timestamptz not null,
    extended_due_at     timestamptz,
    done_at             timestamptz,
    status              text        not null,
    open                boolean     not null,
    agreements_version  integer     not null,
    primary key (tenant_id, meeting_id, rule, subject)
);
create index meeting_deadlines_by_partner on projections.meeting_deadlines (tenant_id, responsible_partner, agreed_due_at);
