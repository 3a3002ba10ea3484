-- The same rule as V9's, in PL/pgSQL. A SQL function whose body holds a subquery cannot be inlined, so
-- PostgreSQL parsed and planned V9's body again for every statement that inserted or updated an attempt:
-- 0.16 ms of each start's 0.33 ms insert (pgbench, one client, docs/benchmarks.md, eighth round). PL/pgSQL
-- keeps the subquery's plan for the session, which brings the check to about 0.04 ms.
create or replace function draw_is_well_formed(question_ids bigint[], choice_orders jsonb, match_orders jsonb)
  returns boolean language plpgsql immutable strict
as $$
begin
  return jsonb_typeof(choice_orders) = 'array' and jsonb_array_length(choice_orders) = cardinality(question_ids)
    and jsonb_typeof(match_orders) = 'array' and jsonb_array_length(match_orders) = cardinality(question_ids)
    and (select count(distinct id) = count(*) from unnest(question_ids) as id);
end
$$;
