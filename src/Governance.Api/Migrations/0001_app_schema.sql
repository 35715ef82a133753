-- The host's own schema: everything that is not the ledger. Personal data lives here, never in events.
create schema if not exists app;
