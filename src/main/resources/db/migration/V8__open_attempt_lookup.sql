-- The sweeper's index covered every attempt in progress, so it also fitted "this student's open attempt at
-- this quiz". With statistics gathered before an exam, when no attempt was in progress, the planner judged it
-- the cheapest way there and scanned every attempt in progress on each start: 3,500 buffers a start at 5,000
-- students (docs/benchmarks.md, fifth round). Limited to attempts with a deadline it no longer fits that
-- lookup, which finds its one row through attempt_one_open; the sweeper's query names the condition.
drop index attempt_open_by_deadline;
create index attempt_open_by_deadline on attempt (deadline) where status = 'in_progress' and deadline is not null;
