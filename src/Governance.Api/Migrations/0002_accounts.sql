-- People, accounts, role grants, API tokens, sign-in failures and data-protection keys (issue 3, section 2).

-- The one place for a person's name and contact details. Events carry only the PersonId, so erasing these
-- columns removes the person from everything we show while every hash chain still verifies.
create table app.people (
    person_id    text primary key check (person_id ~ '^p-[0-9a-f]{12}$'),
    display_name text,
    email        text,
    phone        text,
    created_at   timestamptz not null,
    erased_at    timestamptz,
    check (erased_at is null or (display_name is null and email is null and phone is null))
);

-- A person who can sign in. The normalised e-mail is the sign-in name; erasure clears it and the hash.
create table app.accounts (
    person_id        text primary key references app.people (person_id),
    email_normalized text unique,
    password_hash    text,
    failed_attempts  integer not null default 0 check (failed_attempts >= 0),
    last_failed_at   timestamptz,
    locked_until     timestamptz,
    created_at       timestamptz not null,
    disabled_at      timestamptz,
    check (disabled_at is not null or (email_normalized is not null and password_hash is not null))
);

-- Roles are read on every request (revocation takes effect at once), so the person's rows sit together
-- in the unique index. A null alliance is the system-wide admin; only representatives name a partner.
create table app.role_grants (
    id          bigint generated always as identity primary key,
    person_id   text not null references app.people (person_id),
    alliance_id text check (alliance_id ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    role        text not null check (role in ('admin', 'chair', 'secretary', 'representative', 'core-group', 'escalation-contact')),
    partner_id  text check (partner_id ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    granted_at  timestamptz not null,
    check ((role = 'representative') = (partner_id is not null)),
    check (alliance_id is not null or role = 'admin'),
    unique nulls not distinct (person_id, alliance_id, role, partner_id)
);

-- Only the SHA-256 of a token is kept: a copy of this table does not let anyone call the API.
create table app.api_tokens (
    id           uuid primary key,
    person_id    text not null references app.people (person_id),
    name         text not null,
    token_hash   bytea not null unique check (length(token_hash) = 32),
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_person on app.api_tokens (person_id) where revoked_at is null;

-- Failed sign-ins for addresses without an account, counted exactly like an account's failures so that a
-- lock-out looks the same whether or not the address exists. Keyed by a hash, not the address itself, and
-- only rows younger than the lock-out window are kept.
create table app.sign_in_failures (
    email_hash      bytea primary key,
    failed_attempts integer not null,
    last_failed_at  timestamptz not null,
    locked_until    timestamptz
);

-- ASP.NET Core data-protection key ring, shared by every app node (cookies and antiforgery tokens issued
-- by one node must be readable by the others).
create table app.data_protection_keys (
    id            bigint generated always as identity primary key,
    friendly_name text,
    xml           text not null,
    created_at    timestamptz not null default now()
);
