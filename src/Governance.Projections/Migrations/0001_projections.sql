-- Read models built by the projection daemon. Each table is rebuilt from the ledger at will; nothing here is a source of truth.
create schema if not exists projections;

-- Timeline: every event of an alliance as one Dutch sentence. Person ids stay ids here ({p-…} in the sentence);
-- names are filled in on read from app.people, so erasing a person needs no rebuild.
create table projections.timeline (
    tenant_id       text        not null,
    tenant_position bigint      not null,
    stream_id       text        not null,
    event_type      text        not null,
    recorded_at     timestamptz not null,
    occurred_at     timestamptz,
    actor_id        text,
    actor_role      text,
    sentence        text        not null,
    link            text,
    primary key (tenant_id, tenant_position)
);
create index timeline_by_time on projections.timeline (tenant_id, recorded_at);
create index timeline_by_stream on projections.timeline (tenant_id, stream_id, tenant_position);

-- How many events each tenant has, as counted by the daemon: a double-processed event shows up here at once.
create table projections.event_counts (
    tenant_id text   primary key,
    events    bigint not null
);
