-- Signed checkpoints (issue 15, ADR 7): "alliance X's chain had hash H at position P", signed with an Ed25519 key that
-- lives outside the database. Kept here to publish them (page, API, export); their worth is in the copies held
-- elsewhere, so a row deleted or altered here changes nothing for whoever kept one. One per position: two nodes that sign
-- the same head store it once.
create table app.checkpoints (
    tenant_id  text        not null,
    position   bigint      not null check (position >= 0),
    head_hash  text        not null check (head_hash ~ '^[0-9a-f]{64}$'),
    signed_at  timestamptz not null,
    public_key text        not null,
    signature  text        not null,
    primary key (tenant_id, position)
);
