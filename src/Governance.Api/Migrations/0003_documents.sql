-- The files behind meeting documents and minutes (issue 4). The ledger records only each file's storage key and
-- SHA-256 (meeting.document-shared, meeting.minutes-published); the bytes live here, so the digest in the event
-- proves which bytes were shared when. Rows are never updated: a replaced document is a new row and a new key.
create table app.documents (
    storage_key  text primary key check (storage_key ~ '^doc-[0-9a-f]{32}$'),
    tenant_id    text        not null,
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes   bigint      not null check (size_bytes > 0),
    content_type text        not null,
    file_name    text        not null,
    content      bytea       not null,
    uploaded_at  timestamptz not null,
    uploaded_by  text        not null,
    check (octet_length(content) = size_bytes)
);
