package io.quizworks.gradebook;

/** Statements behind the teacher's results pages, with named parameters for {@code SqlTemplate}. */
final class ResultsSql {
  private ResultsSql() {}

  static final String QUIZ =
      """
      select z.id, z.title, z.grading_method, z.closes_at, c.id as class_id, c.name as class_name,
             (z.closes_at is null or z.closes_at > now()) as open
      from quiz z join class c on c.id = z.class_id
      where z.id = #{quizId} and c.teacher_id = #{teacherId}
      """;

  /**
   * One row per student of the class: the score kept by the quiz's grading method over submitted attempts,
   * scaled and kept exactly as the gradebook keeps it ({@link ExportSql#SCALED_SCORE}, {@link
   * ExportSql#KEPT_SCORE}) and out of the same points possible, the status of their latest attempt, and the
   * time their latest submitted attempt took.
   */
  static final String STUDENT_RESULTS =
      """
      with q as materialized (
        select z.id, z.class_id, z.grading_method,
      """ + ExportSql.POINTS_POSSIBLE + """
               as points_possible
        from quiz z where z.id = #{quizId}
      ),
      scaled as (
        select a.student_id, a.number,
      """ + ExportSql.SCALED_SCORE + """
               as score
        from attempt a join q on q.id = a.quiz_id
        where a.status <> 'in_progress' and a.score is not null
      ),
      kept as (
        select s.student_id,
      """ + ExportSql.KEPT_SCORE + """
               as score
        from scaled s cross join q
        group by s.student_id, q.grading_method
      )
      select s.id as student_id, s.display_name, s.student_number,
             count(a.id) as attempts_used,
             (array_agg(a.status order by a.number desc) filter (where a.id is not null))[1] as status,
             k.score as kept_score,
             case when k.score is not null then coalesce(q.points_possible, max(a.max_score)) end as max_score,
             (array_agg(extract(epoch from a.submitted_at - a.started_at)::bigint order by a.number desc)
                filter (where a.status <> 'in_progress'))[1] as seconds_taken,
             max(a.submitted_at) as submitted_at
      from q
      join student s on s.class_id = q.class_id
      left join attempt a on a.quiz_id = q.id and a.student_id = s.id
      left join kept k on k.student_id = s.id
      group by s.id, s.display_name, s.student_number, k.score, q.points_possible
      order by lower(s.display_name)
      """;

  /** How hard each drawn question turned out: mean points over max, across submitted attempts. */
  static final String QUESTION_FACILITY =
      """
      select q.ref, q.prompt, q.points, count(*) as answered_by,
             avg(coalesce(r.points, 0)) / q.points as facility
      from attempt a
      cross join lateral unnest(a.question_ids) as d(question_id)
      join question q on q.id = d.question_id
      left join response r on r.attempt_id = a.id and r.question_id = q.id
      where a.quiz_id = #{quizId} and a.status <> 'in_progress'
      group by q.id, q.ref, q.prompt, q.points, q.bank_id, q.position
      order by q.bank_id, q.position
      """;

  /**
   * One attempt, with what the gradebook counts it as where it drew questions worth more or less than the quiz
   * is out of ({@code scaled}): its score scaled to the quiz's points possible, as every export keeps it.
   */
  static final String ATTEMPT =
      """
      select a.id, a.number, a.status, a.started_at, a.submitted_at, a.score, a.max_score, s.display_name,
             s.student_number, q.points_possible,
             a.score is not null and a.max_score > 0 and q.points_possible <> a.max_score as scaled,
             round(""" + ExportSql.SCALED_SCORE + """
             , 2) as scaled_score
      from attempt a
      join student s on s.id = a.student_id
      cross join lateral (select (""" + ExportSql.POINTS_POSSIBLE + """
                          ) as points_possible from quiz z where z.id = a.quiz_id) q
      where a.id = #{attemptId} and a.quiz_id = #{quizId}
      """;

  static final String HISTORY =
      """
      select h.changed_at, h.kind, h.reason, h.old_points, h.new_points, q.ref, t.name as teacher
      from score_change h join question q on q.id = h.question_id left join teacher t on t.id = h.teacher_id
      where h.attempt_id = #{attemptId}
      order by h.changed_at, h.id
      """;

  /** The question's current points in a submitted attempt of the teacher's quiz, locking the response. */
  static final String OVERRIDE_TARGET =
      """
      select q.points as max_points, r.points as old_points
      from attempt a
      join quiz z on z.id = a.quiz_id
      join class c on c.id = z.class_id
      join question q on q.id = #{questionId} and q.id = any(a.question_ids)
      left join response r on r.attempt_id = a.id and r.question_id = q.id
      where a.id = #{attemptId} and a.quiz_id = #{quizId} and c.teacher_id = #{teacherId} and a.status <> 'in_progress'
      for update of a
      """;

  /** An unanswered question gets a response row holding no answer, so its points have somewhere to live. */
  static final String OVERRIDE_POINTS =
      """
      insert into response (attempt_id, question_id, answer, seq, points, outcome, overridden)
      values (#{attemptId}, #{questionId}, '{}', 0, #{points}, 'override', true)
      on conflict (attempt_id, question_id) do update set points = excluded.points, overridden = true
      """;

  static final String RECORD_CHANGE =
      """
      insert into score_change (attempt_id, question_id, old_points, new_points, kind, reason, teacher_id)
      values (#{attemptId}, #{questionId}, #{oldPoints}, #{newPoints}, #{kind}, #{reason}, #{teacherId})
      """;

  static final String RETOTAL =
      """
      update attempt set score = (select coalesce(sum(points), 0) from response where attempt_id = #{attemptId})
      where id = #{attemptId}
      """;

  /** A question drawn in the teacher's quiz, with the key the quiz scores by now. */
  static final String QUESTION_IN_QUIZ =
      """
      select q.id as question_id, q.ref, q.type, q.prompt, q.points, q.topic, q.difficulty, q.content,
             coalesce(k.answer_key, q.answer_key) as answer_key, q.feedback, q.source
      from quiz z
      join class c on c.id = z.class_id and c.teacher_id = #{teacherId}
      join quiz_bank qb on qb.quiz_id = z.id
      join question q on q.bank_id = qb.bank_id and q.id = #{questionId}
      left join quiz_key k on k.quiz_id = z.id and k.question_id = q.id
      where z.id = #{quizId}
      """;

  /** Every submitted answer to the question in the quiz, locked while a correction re-scores them. */
  static final String SUBMITTED_RESPONSES =
      """
      select a.id as attempt_id, s.display_name, a.number, a.score, r.answer, r.points, r.overridden
      from attempt a
      join student s on s.id = a.student_id
      left join response r on r.attempt_id = a.id and r.question_id = #{questionId}
      where a.quiz_id = #{quizId} and a.status <> 'in_progress' and #{questionId} = any(a.question_ids)
      order by lower(s.display_name), a.number
      for update of a
      """;

  static final String SAVE_QUIZ_KEY =
      """
      insert into quiz_key (quiz_id, question_id, answer_key, teacher_id)
      values (#{quizId}, #{questionId}, #{answerKey}, #{teacherId})
      on conflict (quiz_id, question_id) do update
        set answer_key = excluded.answer_key, teacher_id = excluded.teacher_id, changed_at = now()
      """;

  static final String RESCORE_RESPONSE =
      """
      update response set points = #{points}, outcome = #{outcome}
      where attempt_id = #{attemptId} and question_id = #{questionId}
      """;

  /**
   * For item analysis: each student's latest submitted attempt, one row per question drawn in it, with the
   * key this quiz scores by and the points earned (0 when unanswered).
   */
  static final String ANALYSIS_ROWS =
      """
      with kept as (
        select distinct on (a.student_id) a.id, a.student_id, a.question_ids
        from attempt a
        where a.quiz_id = #{quizId} and a.status <> 'in_progress'
        order by a.student_id, a.number desc
      )
      select k.student_id, q.ref, q.type, q.points, q.content, coalesce(qk.answer_key, q.answer_key) as answer_key,
             r.answer, coalesce(r.points, 0) as earned, q.prompt
      from kept k
      cross join lateral unnest(k.question_ids) as d(question_id)
      join question q on q.id = d.question_id
      left join quiz_key qk on qk.quiz_id = #{quizId} and qk.question_id = q.id
      left join response r on r.attempt_id = k.id and r.question_id = q.id
      order by k.student_id, q.bank_id, q.position
      """;
}
