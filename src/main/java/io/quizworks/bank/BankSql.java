package io.quizworks.bank;

/** Every statement the bank feature runs, with named parameters for {@code SqlTemplate}. */
final class BankSql {
  private BankSql() {}

  static final String UPSERT_BANK =
      """
      insert into bank (slug, title) values (#{slug}, #{title})
      on conflict (slug) do update set title = excluded.title, updated_at = now()
      returning id
      """;

  /**
   * Inserts or updates one question by its stable ref; an unchanged row is left alone (and returns
   * nothing), so re-importing the same file writes nothing and counts nothing as updated.
   */
  static final String UPSERT_QUESTION =
      """
      insert into question (bank_id, ref, position, type, prompt, points, topic, difficulty, content,
                            answer_key, feedback, source)
      values (#{bankId}, #{ref}, #{position}, #{type}, #{prompt}, #{points}, #{topic}, #{difficulty},
              #{content}, #{answerKey}, #{feedback}, #{source})
      on conflict (bank_id, ref) do update
        set position = excluded.position, type = excluded.type, prompt = excluded.prompt,
            points = excluded.points, topic = excluded.topic, difficulty = excluded.difficulty,
            content = excluded.content, answer_key = excluded.answer_key, feedback = excluded.feedback,
            source = excluded.source, retired_at = null, updated_at = now()
        where (question.position, question.type, question.prompt, question.points, question.topic,
               question.difficulty, question.content, question.answer_key, question.feedback,
               question.source, question.retired_at)
              is distinct from
              (excluded.position, excluded.type, excluded.prompt, excluded.points, excluded.topic,
               excluded.difficulty, excluded.content, excluded.answer_key, excluded.feedback,
               excluded.source, null::timestamptz)
      returning (xmax = 0) as inserted
      """;

  static final String RETIRE_MISSING =
      """
      update question set retired_at = now(), updated_at = now()
      where bank_id = #{bankId} and retired_at is null and ref <> all(#{refs})
      returning ref
      """;

  static final String BANK_SUMMARIES =
      """
      select b.slug, b.title, b.owner_id is not null as own,
             (select count(*) from question q where q.bank_id = b.id and q.retired_at is null) as total,
             (select coalesce(json_agg(json_build_array(t.type, t.n)), '[]')
                from (select type, count(*) as n from question q
                      where q.bank_id = b.id and q.retired_at is null group by type) t) as by_type,
             (select coalesce(json_agg(json_build_array(t.topic, t.n) order by t.first), '[]')
                from (select topic, count(*) as n, min(position) as first from question q
                      where q.bank_id = b.id and q.retired_at is null group by topic) t) as by_topic
      from bank b
      where b.owner_id is null or b.owner_id = #{teacherId}
      order by b.owner_id nulls first, b.title
      """;

  /** A bank a teacher may use: a shared one, or one of their own. */
  static final String VISIBLE_BANK_BY_SLUG =
      "select id, slug, title from bank where slug = #{slug} and (owner_id is null or owner_id = #{teacherId})";

  static final String LIVE_QUESTIONS_WITH_KEYS =
      """
      select ref, type, prompt, points, topic, difficulty, content, answer_key, feedback, source
      from question
      where bank_id = #{bankId} and retired_at is null
      order by position
      """;
}
