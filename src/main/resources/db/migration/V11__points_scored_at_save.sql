-- A save scores its answer as it stores it, so that a submission can total points already there instead of
-- reading every question with its key and writing 20 response rows back (docs/benchmarks.md, eleventh
-- round). The points count only while the question is still the version they were scored against and the
-- quiz corrects none of its keys; otherwise the submission scores every answer afresh. Rows saved before
-- this column existed have none, so their attempts are scored afresh too.
alter table response add column scored_version timestamptz;
