-- E-mail (issue 14). Personal data: what each person wants by e-mail, per kind of mail. Erasing the person deletes
-- these rows (PeopleStore.EraseAsync) and clears the address in app.people, so no mail reaches them afterwards.
create table app.mail_preferences (
    person_id  text        not null references app.people (person_id),
    kind       text        not null check (kind ~ '^[a-z][a-z-]{0,39}$'),
    delivery   text        not null check (delivery in ('immediate', 'digest', 'off')),
    updated_at timestamptz not null,
    primary key (person_id, kind)
);

-- Each reminder or notice is queued for a person once, also when two nodes handle the same message: the key names what
-- the mail is about (kind, stream, deadline moment), never an address. Written in the transaction that queues the mail.
create table app.mail_sent (
    mail_key  text        not null,
    person_id text        not null,
    queued_at timestamptz not null,
    primary key (mail_key, person_id)
);
