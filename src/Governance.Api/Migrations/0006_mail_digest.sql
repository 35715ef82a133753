-- The weekly digest (issue 14 §3). Mails a person chose to get "in het weekoverzicht" wait here until Monday's digest lists
-- them; personal data (erased with the person). Only the subject and the link: the digest points to the page.
create table app.mail_digest_items (
    id         bigint generated always as identity primary key,
    person_id  text        not null references app.people (person_id),
    kind       text        not null,
    subject    text        not null,
    link       text        not null,
    queued_at  timestamptz not null
);
create index mail_digest_items_person on app.mail_digest_items (person_id, id);

-- One digest run per Monday, whichever node or copy of the scheduled message gets there first.
create table app.mail_digest_runs (
    week_of  date        primary key,
    ran_at   timestamptz not null
);
