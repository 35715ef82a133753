-- A session cookie carries the account's security stamp as it was at sign-in; every request compares it with this
-- column (issue 12, point 6). Signing out, revoking a role, erasing the person and changing the password draw a new
-- stamp, which ends every session of that person at once, on every node. Cookies issued before this migration carry
-- no stamp and stop working: their owners sign in again.
alter table app.accounts add column security_stamp uuid not null default gen_random_uuid();
