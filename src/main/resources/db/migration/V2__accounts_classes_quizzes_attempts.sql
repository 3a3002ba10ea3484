-- Teachers, classes and students; server-side sessions; quizzes, attempts and saved responses.

create table teacher (
  id            bigint generated always as identity primary key,
  email         text not null,
  name          text not null,
  password_hash text not null,
  created_at    timestamptz not null default now()
);
create unique index teacher_email on teacher (lower(email));

create table class (
  id         bigint generated always as identity primary key,
  teacher_id bigint not null references teacher (id) on delete cascade,
  name       text not null,
  -- Students join with this code; letters and digits that cannot be confused (no 0/O, 1/I/L).
  join_code  text not null unique,
  created_at timestamptz not null default now()
);
create index class_by_teacher on class (teacher_id);

create table student (
  id                 bigint generated always as identity primary key,
  class_id           bigint not null references class (id) on delete cascade,
  display_name       text not null,
  -- The school's id from a roster upload: what gradebook exports carry.
  student_number     text,
  email              text,
  password_hash      text,
  -- A one-time sign-in code (hashed) for students added from a roster, to set their own password.
  setup_code_hash    text,
  setup_code_expires timestamptz,
  -- Accommodation: 1.5 gives half as much time again; honoured past the quiz's close time.
  time_allowance     numeric(4, 2) not null default 1 check (time_allowance >= 1 and time_allowance <= 5),
  created_at         timestamptz not null default now()
);
create unique index student_name_in_class on student (class_id, lower(display_name));
create unique index student_number_in_class on student (class_id, student_number) where student_number is not null;

-- Sessions live here so every node sees the same ones and sign-out ends them everywhere.
create table session (
  id_hash      text primary key,
  role         text not null check (role in ('teacher', 'student')),
  user_id      bigint not null,
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
create index session_by_user on session (role, user_id);

create table sign_in_failure (
  key       text not null,
  failed_at timestamptz not null default now()
);
create index sign_in_failure_by_key on sign_in_failure (key, failed_at);

-- Banks loaded from questions/ belong to no one and are open to every teacher; uploads belong to their teacher.
alter table bank add column owner_id bigint references teacher (id) on delete cascade;

create table quiz (
  id                 bigint generated always as identity primary key,
  class_id           bigint not null references class (id) on delete cascade,
  title              text not null,
  -- Empty means every topic of the chosen banks.
  topics             text[] not null default '{}',
  question_count     integer not null check (question_count > 0),
  -- When set, each chosen topic contributes exactly this many questions (question_count is their sum).
  per_topic_count    integer check (per_topic_count > 0),
  time_limit_minutes integer check (time_limit_minutes > 0),
  opens_at           timestamptz,
  closes_at          timestamptz,
  attempts_allowed   integer not null default 1 check (attempts_allowed > 0),
  grading_method     text not null default 'highest' check (grading_method in ('highest', 'last', 'first', 'average')),
  shuffle_questions  boolean not null default true,
  shuffle_choices    boolean not null default true,
  review_policy      text not null default 'score' check (review_policy in ('nothing', 'score', 'responses', 'full')),
  review_after_close boolean not null default false,
  created_at         timestamptz not null default now(),
  check (closes_at is null or opens_at is null or closes_at > opens_at)
);
create index quiz_by_class on quiz (class_id);

create table quiz_bank (
  quiz_id bigint not null references quiz (id) on delete cascade,
  bank_id bigint not null references bank (id),
  primary key (quiz_id, bank_id)
);

create table attempt (
  id           bigint generated always as identity primary key,
  quiz_id      bigint not null references quiz (id) on delete cascade,
  student_id   bigint not null references student (id) on delete cascade,
  number       integer not null,
  -- The seed that drew and shuffled this attempt's questions; the draw itself is stored below.
  seed         bigint not null,
  started_at   timestamptz not null default now(),
  -- Computed by the database clock at start; null when the quiz has neither a time limit nor a close time.
  deadline     timestamptz,
  added_minutes integer not null default 0,
  status       text not null default 'in_progress' check (status in ('in_progress', 'submitted', 'auto_submitted')),
  submitted_at timestamptz,
  score        numeric(9, 2),
  max_score    numeric(9, 2),
  unique (quiz_id, student_id, number)
);
create unique index attempt_one_open on attempt (quiz_id, student_id) where status = 'in_progress';
create index attempt_open_by_deadline on attempt (deadline) where status = 'in_progress';

create table attempt_question (
  attempt_id   bigint not null references attempt (id) on delete cascade,
  position     integer not null,
  question_id  bigint not null references question (id),
  -- The order this attempt shows the choices (or items, or right-hand matches) in.
  choice_order text[] not null default '{}',
  match_order  integer[] not null default '{}',
  primary key (attempt_id, position),
  unique (attempt_id, question_id)
);

create table response (
  attempt_id  bigint not null references attempt (id) on delete cascade,
  question_id bigint not null references question (id),
  answer      jsonb not null,
  -- The page's sequence number: a retried older save never overwrites a newer answer.
  seq         bigint not null,
  flagged     boolean not null default false,
  saved_at    timestamptz not null default now(),
  points      numeric(7, 2),
  outcome     text,
  primary key (attempt_id, question_id)
);
