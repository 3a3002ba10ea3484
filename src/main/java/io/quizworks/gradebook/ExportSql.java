package io.quizworks.gradebook;

/**
 * The statements behind the exports. Those that stream run through a cursor and so use positional
 * parameters ({@code $1}); the small page queries use named ones for {@code SqlTemplate}.
 */
final class ExportSql {
  private ExportSql() {}

  /**
   * What a quiz {@code z} is out of: the largest {@code max_score} of its submitted attempts (a student's
   * kept score is scaled to it when their attempt's maximum differs). Before anyone has submitted, the most
   * an attempt can score today: the points of the {@code question_count} (or, per topic,
   * {@code per_topic_count}) highest-scoring questions it can draw. Null when it can draw nothing.
   */
  static final String POINTS_POSSIBLE =
      """
      coalesce(
        (select max(a.max_score) from attempt a
         where a.quiz_id = z.id and a.status <> 'in_progress' and a.max_score > 0),
        (select sum(ranked.points) from (
           select q.points,
                  row_number() over (partition by case when z.per_topic_count is null then '' else q.topic end
                                     order by q.points desc, q.id) as rank
           from quiz_bank qb
           join question q on q.bank_id = qb.bank_id and q.retired_at is null
           where qb.quiz_id = z.id and (cardinality(z.topics) = 0 or q.topic = any(z.topics))
         ) ranked
         where ranked.rank <= coalesce(z.per_topic_count, z.question_count)))
      """;

  /** The gradebook's quiz columns, oldest quiz first: $1 = class id. */
  static final String GRADEBOOK_QUIZZES =
      "select z.id, z.title, (" + POINTS_POSSIBLE + ")::text as points_possible from quiz z where z.class_id = $1 "
          + "order by z.created_at, z.id";

  /**
   * Attempt {@code a}'s score scaled to its quiz {@code q}'s {@code points_possible} (see {@link
   * #POINTS_POSSIBLE}), so that attempts which drew questions worth more or less compare as shares.
   */
  static final String SCALED_SCORE =
      """
      case when a.max_score is null or a.max_score = 0 or q.points_possible is null
                or a.max_score = q.points_possible then a.score
           else a.score * q.points_possible / a.max_score end
      """;

  /**
   * The score quiz {@code q}'s grading method keeps from one student's scaled scores {@code s.score} (rows
   * grouped by student): the highest, the average, the first or the last, rounded to 2 decimals. The
   * gradebook and the results page both keep it this way, so they always show the same number.
   */
  static final String KEPT_SCORE =
      """
      round(case q.grading_method
              when 'highest' then max(s.score)
              when 'average' then avg(s.score)
              -- {number, score} pairs compare by number first: the first and the last attempt.
              when 'first' then (min(array[s.number, s.score]))[2]
              else (max(array[s.number, s.score]))[2]
            end, 2)
      """;

  /**
   * One row per student of class $1 with the kept score of every quiz they have one for, as a JSON object
   * from quiz id to score (so a row can never shift columns): each
   * submitted attempt's score scaled to the quiz's points possible, then kept as the quiz's grading method
   * says (highest, last, first, or the average of all), rounded to 2 decimals.
   */
  static final String GRADEBOOK_ROWS =
      """
      with quizzes as materialized (
        select z.id, z.created_at, z.grading_method,
      """ + POINTS_POSSIBLE + """
               as points_possible
        from quiz z where z.class_id = $1
      ),
      scaled as (
        select a.student_id, a.quiz_id, a.number,
      """ + SCALED_SCORE + """
               as score
        from attempt a join quizzes q on q.id = a.quiz_id
        where a.status <> 'in_progress' and a.score is not null
      ),
      kept as (
        select s.student_id, s.quiz_id,
      """ + KEPT_SCORE + """
               as score
        from scaled s join quizzes q on q.id = s.quiz_id
        group by s.student_id, s.quiz_id, q.grading_method
      ),
      by_student as (
        select student_id, jsonb_object_agg(quiz_id::text, score::text) as scores from kept group by student_id
      )
      select st.id, st.display_name, st.student_number, st.email, b.scores
      from student st
      left join by_student b on b.student_id = st.id
      where st.class_id = $1
      order by lower(st.display_name), st.id
      """;

  /** Every attempt at quiz $1, by student and attempt number; duration in whole seconds once submitted. */
  static final String RESULTS_ROWS =
      """
      select s.display_name, s.student_number, a.number, a.status, a.started_at, a.submitted_at,
             case when a.submitted_at is null then null
                  else floor(extract(epoch from a.submitted_at - a.started_at))::bigint end as duration_seconds,
             a.score, a.max_score
      from attempt a join student s on s.id = a.student_id
      where a.quiz_id = $1
      order by lower(s.display_name), s.id, a.number
      """;

  /** Every question a submitted attempt at quiz $1 drew, in bank order; with keys, for describing answers. */
  static final String RESPONSE_QUESTIONS =
      """
      select q.id as question_id, q.ref, b.slug, q.type, q.prompt, q.points, q.topic, q.difficulty, q.content,
             q.answer_key, q.feedback, q.source
      from question q join bank b on b.id = q.bank_id
      where q.id in (select unnest(a.question_ids) from attempt a where a.quiz_id = $1 and a.status <> 'in_progress')
      order by b.slug collate "C", q.position, q.id
      """;

  /**
   * One row per student of quiz $1's class with the attempt the grading method keeps (highest share of its
   * maximum, first, or last; for an average, the last) and, per question it drew, the answer and points.
   */
  static final String RESPONSE_ROWS =
      """
      with kept as (
        select distinct on (a.student_id) a.student_id, a.id, a.number, a.score, a.max_score, a.question_ids
        from attempt a join quiz z on z.id = a.quiz_id
        where a.quiz_id = $1 and a.status <> 'in_progress'
        order by a.student_id,
                 case when z.grading_method = 'highest' then a.score / nullif(a.max_score, 0) end desc nulls last,
                 case when z.grading_method = 'first' then a.number end,
                 a.number desc
      )
      select s.display_name, s.student_number, k.number, k.score, k.max_score,
             (select jsonb_object_agg(d.question_id::text,
                                      jsonb_build_object('answer', r.answer, 'points', r.points::text))
              from unnest(k.question_ids) as d(question_id)
              left join response r on r.attempt_id = k.id and r.question_id = d.question_id) as responses
      from student s
      left join kept k on k.student_id = s.id
      where s.class_id = (select class_id from quiz where id = $1)
      order by lower(s.display_name), s.id
      """;

  // Ownership and the exports page

  static final String OWNED_CLASS = "select id, name from class where id = #{classId} and teacher_id = #{teacherId}";

  static final String OWNED_QUIZ =
      """
      select z.id, z.title, c.id as class_id, c.name as class_name
      from quiz z join class c on c.id = z.class_id
      where z.id = #{quizId} and c.teacher_id = #{teacherId}
      """;

  static final String CLASS_QUIZZES =
      """
      select z.id, z.title, z.grading_method,
             (select count(*) from attempt a where a.quiz_id = z.id) as attempts,
             (select count(*) from attempt a where a.quiz_id = z.id and a.status <> 'in_progress') as submitted
      from quiz z where z.class_id = #{classId}
      order by z.created_at, z.id
      """;

  static final String ROSTER_GAPS =
      """
      select count(*) as students,
             count(*) filter (where email is null or btrim(email) = '') as without_email,
             count(*) filter (where student_number is null or btrim(student_number) = '') as without_number
      from student where class_id = #{classId}
      """;
}
