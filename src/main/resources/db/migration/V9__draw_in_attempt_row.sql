-- An attempt's draw moves into the attempt's own row. A start wrote one attempt_question row per question
-- drawn: at 20 questions, 20 heap rows, 40 index entries and 40 foreign-key checks, 20 of them share locks
-- on question rows that every other student starting the same quiz locks too. Now a start writes one row
-- (docs/benchmarks.md, sixth round).
--
-- Position p (from 1) holds question_ids[p], shows its choices in the order of choice_orders[p - 1] (labels)
-- and its right-hand matches in the order of match_orders[p - 1] (indexes), both empty where the type has
-- none. Questions are retired, never deleted, so the ids stay good without a foreign key; the check below
-- keeps a draw from holding a question twice, as the old unique (attempt_id, question_id) did.
create function draw_is_well_formed(question_ids bigint[], choice_orders jsonb, match_orders jsonb)
  returns boolean language sql immutable strict
  return jsonb_typeof(choice_orders) = 'array' and jsonb_array_length(choice_orders) = cardinality(question_ids)
    and jsonb_typeof(match_orders) = 'array' and jsonb_array_length(match_orders) = cardinality(question_ids)
    and (select count(distinct id) = count(*) from unnest(question_ids) as id);

alter table attempt
  add column question_ids bigint[],
  add column choice_orders jsonb,
  add column match_orders jsonb;

update attempt a
set question_ids = d.question_ids, choice_orders = d.choice_orders, match_orders = d.match_orders
from (select attempt_id,
             array_agg(question_id order by position) as question_ids,
             jsonb_agg(to_jsonb(choice_order) order by position) as choice_orders,
             jsonb_agg(to_jsonb(match_order) order by position) as match_orders
      from attempt_question group by attempt_id) d
where d.attempt_id = a.id;

-- No start writes an attempt without questions, but an upgrade must not fail on (or drop) one made by hand.
update attempt set question_ids = '{}', choice_orders = '[]', match_orders = '[]' where question_ids is null;

alter table attempt
  alter column question_ids set default '{}', alter column question_ids set not null,
  alter column choice_orders set default '[]', alter column choice_orders set not null,
  alter column match_orders set default '[]', alter column match_orders set not null,
  add constraint attempt_draw_well_formed check (draw_is_well_formed(question_ids, choice_orders, match_orders));

drop table attempt_question;

-- The draw one row per question, as it was, for reports and for anyone reading the database by hand; the
-- server's own statements read the columns.
create view attempt_question as
select a.id as attempt_id, d.position::integer as position, d.question_id,
       array(select c from jsonb_array_elements_text(a.choice_orders -> (d.position::integer - 1))
                             with ordinality as o(c, n) order by n) as choice_order,
       array(select m::integer from jsonb_array_elements_text(a.match_orders -> (d.position::integer - 1))
                                    with ordinality as o(m, n) order by n) as match_order
from attempt a cross join lateral unnest(a.question_ids) with ordinality as d(question_id, position);
