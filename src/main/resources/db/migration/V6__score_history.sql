-- Every change to a response's points after submission: a teacher's override, or a re-score after a key fix.
alter table response add column overridden boolean not null default false;

create table score_change (
  id          bigint generated always as identity primary key,
  attempt_id  bigint not null references attempt (id) on delete cascade,
  question_id bigint not null references question (id),
  old_points  numeric(7, 2),
  new_points  numeric(7, 2) not null,
  kind        text not null check (kind in ('override', 'rescore')),
  reason      text not null,
  teacher_id  bigint references teacher (id) on delete set null,
  changed_at  timestamptz not null default now()
);
create index score_change_by_attempt on score_change (attempt_id, changed_at);
