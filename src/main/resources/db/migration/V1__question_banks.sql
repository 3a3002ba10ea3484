-- Question banks and their questions, as read from the bank CSV format (questions/README.md).

create table bank (
  id         bigint generated always as identity primary key,
  slug       text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  title      text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table question (
  id          bigint generated always as identity primary key,
  bank_id     bigint not null references bank (id) on delete cascade,
  -- The author's stable id from the CSV: re-importing a file updates the question with the same ref.
  ref         text not null,
  position    integer not null,
  type        text not null check (type in ('single_choice', 'multiple_response', 'true_false',
                                            'short_answer', 'numeric', 'ordering', 'matching')),
  prompt      text not null,
  points      numeric(7, 2) not null check (points > 0),
  topic       text not null,
  difficulty  text not null check (difficulty in ('easy', 'medium', 'hard')),
  -- What a student may see during an attempt: choices, items to order, right-hand items to match.
  content     jsonb not null,
  -- The key and per-choice feedback: never sent to a browser before submission.
  answer_key  jsonb not null,
  feedback    text not null default '',
  source      text not null default '',
  -- A question dropped from its file is retired, not deleted: past attempts still point at it.
  retired_at  timestamptz,
  updated_at  timestamptz not null default now(),
  unique (bank_id, ref)
);

create index question_live_by_bank on question (bank_id, position) where retired_at is null;
