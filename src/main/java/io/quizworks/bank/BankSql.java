package io.quizworks.bank;

/** Every statement the bank feature runs, with named parameters for {@code SqlTemplate}. */
final class BankSql {
  private BankSql() {}

  /**
   * Creates the bank or renames it, but only when the existing bank has the same owner (null: shared): an
   * upload can never take over a shared bank or another teacher's, nor a start-up file a teacher's bank.
   * Returns nothing when the slug belongs to someone else.
   */
  static final String UPSERT_BANK =
      """
      insert into bank (slug, title, owner_id) values (#{slug}, #{title}, #{ownerId})
      on conflict (slug) do update set title = excluded.title, updated_at = now()
        where bank.owner_id is not distinct from excluded.owner_id
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

  /** One of the teacher's own banks: the only kind an upload may replace. */
  static final String OWN_BANK_BY_SLUG =
      "select id, title from bank where slug = #{slug} and owner_id = #{teacherId}";

  // A pending upload lives for a day: older rows are swept when a new one is stored, and never confirmed.

  static final String STORE_UPLOAD =
      """
      with swept as (delete from bank_upload where created_at < now() - interval '1 day')
      insert into bank_upload (teacher_id, title, target_bank_id, content)
      values (#{teacherId}, #{title}, #{targetBankId}, #{content})
      returning id
      """;

  static final String PENDING_UPLOAD =
      """
      select u.title, u.content, b.id as target_id, b.slug as target_slug, b.title as target_title
      from bank_upload u left join bank b on b.id = u.target_bank_id
      where u.id = #{id} and u.teacher_id = #{teacherId} and u.created_at > now() - interval '1 day'
      """;

  /**
   * Takes the pending upload out of the table inside the confirming transaction: a second confirm of the
   * same upload waits for the first and then finds nothing, and a failed import puts it back by rolling back.
   */
  static final String CLAIM_UPLOAD =
      """
      with claimed as (
        delete from bank_upload
        where id = #{id} and teacher_id = #{teacherId} and created_at > now() - interval '1 day'
        returning title, target_bank_id, content)
      select c.title, c.content, b.slug as target_slug
      from claimed c left join bank b on b.id = c.target_bank_id
      """;

  /**
   * Held until the confirming transaction ends, so two new banks with the same title, confirmed at the
   * same moment, cannot both pick the same free slug (the second would update the first's bank).
   */
  static final String LOCK_NEW_SLUGS = "select pg_advisory_xact_lock(hashtext('quizworks.bank-slug'))";

  /**
   * The first of {@code base}, {@code base-2}, {@code base-3}… that no bank uses and is not reserved,
   * shortened to fit the 60 characters a slug may have. One more candidate than there are banks (and
   * reserved names) is always enough.
   */
  static final String FREE_SLUG =
      """
      select candidate from (
        select n, case when n = 1 then #{base}
                       else rtrim(left(#{base}, #{maxLength} - length('-' || n)), '-') || '-' || n end as candidate
        from generate_series(1, (select count(*) from bank) + cardinality(#{reserved}::text[]) + 1) n) c
      where candidate <> all(#{reserved}::text[])
        and not exists (select 1 from bank b where b.slug = c.candidate)
      order by n
      limit 1
      """;
}
