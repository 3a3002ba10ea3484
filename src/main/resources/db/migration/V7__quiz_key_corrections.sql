-- A key corrected by a teacher for one quiz. Banks may be shared by every teacher, so a correction made
-- for a quiz applies to that quiz's scoring, never to the bank everyone else uses.
create table quiz_key (
  quiz_id     bigint not null references quiz (id) on delete cascade,
  question_id bigint not null references question (id),
  answer_key  jsonb not null,
  teacher_id  bigint references teacher (id) on delete set null,
  changed_at  timestamptz not null default now(),
  primary key (quiz_id, question_id)
);
