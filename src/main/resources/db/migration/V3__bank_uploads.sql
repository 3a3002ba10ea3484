-- A checked upload waiting for its teacher to confirm it. It lives here, not in a node's memory, because
-- the confirming request may reach another node. Rows older than a day are swept when a new one is stored.

create table bank_upload (
  id             bigint generated always as identity primary key,
  teacher_id     bigint not null references teacher (id) on delete cascade,
  title          text not null check (char_length(title) between 1 and 100),
  -- The teacher's own bank whose questions the file replaces; null makes a new bank.
  target_bank_id bigint references bank (id) on delete cascade,
  content        bytea not null,
  created_at     timestamptz not null default now()
);
create index bank_upload_by_created on bank_upload (created_at);
