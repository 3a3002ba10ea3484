package io.quizworks.quiz;

import io.quizworks.accounts.Sessions;

/** Every statement the quiz feature runs, with named parameters for {@code SqlTemplate}. */
final class QuizSql {
  private QuizSql() {}

  // Teachers

  static final String OWNED_CLASS = "select id, name from class where id = #{classId} and teacher_id = #{teacherId}";

  /** Topics of the banks a teacher may use, with how many live questions each has. */
  static final String BANK_TOPICS =
      """
      select b.id as bank_id, b.title, q.topic, count(*) as questions, min(q.position) as first
      from bank b join question q on q.bank_id = b.id and q.retired_at is null
      where b.owner_id is null or b.owner_id = #{teacherId}
      group by b.id, b.title, q.topic
      order by b.owner_id nulls first, b.title, first
      """;

  static final String CREATE_QUIZ =
      """
      insert into quiz (class_id, title, topics, question_count, per_topic_count, time_limit_minutes, opens_at,
                        closes_at, attempts_allowed, grading_method, shuffle_questions, shuffle_choices,
                        review_policy, review_after_close)
      values (#{classId}, #{title}, #{topics}, #{questionCount}, #{perTopicCount}, #{timeLimit}, #{opensAt},
              #{closesAt}, #{attemptsAllowed}, #{gradingMethod}, #{shuffleQuestions}, #{shuffleChoices},
              #{reviewPolicy}, #{reviewAfterClose})
      returning id
      """;

  static final String ADD_QUIZ_BANK =
      """
      insert into quiz_bank (quiz_id, bank_id)
      select #{quizId}, b.id from bank b
      where b.id = #{bankId} and (b.owner_id is null or b.owner_id = #{teacherId})
      """;

  static final String QUIZ_FOR_TEACHER =
      """
      select z.*, c.name as class_name, c.id as class_id,
             (select string_agg(b.title, ', ' order by b.title) from quiz_bank qb join bank b on b.id = qb.bank_id
              where qb.quiz_id = z.id) as banks
      from quiz z join class c on c.id = z.class_id
      where z.id = #{quizId} and c.teacher_id = #{teacherId}
      """;

  /** Every student of the quiz's class with their attempts, newest first, and time left on an open one. */
  static final String ATTEMPTS_FOR_TEACHER =
      """
      select s.id as student_id, s.display_name, s.student_number, s.time_allowance,
             a.id as attempt_id, a.number, a.status, a.started_at, a.submitted_at, a.score, a.max_score,
             a.added_minutes,
             case when a.status = 'in_progress' and a.deadline is not null
                  then greatest(0, extract(epoch from a.deadline - now()))::bigint end as remaining_seconds
      from quiz z
      join student s on s.class_id = z.class_id
      left join attempt a on a.quiz_id = z.id and a.student_id = s.id
      where z.id = #{quizId}
      order by lower(s.display_name), a.number desc
      """;

  static final String ADD_MINUTES =
      """
      update attempt a set deadline = a.deadline + #{minutes}::int * interval '1 minute',
                           added_minutes = a.added_minutes + #{minutes}
      where a.id = #{attemptId} and a.quiz_id = #{quizId} and a.status = 'in_progress' and a.deadline is not null
        and exists (select 1 from quiz z join class c on c.id = z.class_id
                    where z.id = a.quiz_id and c.teacher_id = #{teacherId})
      returning a.id
      """;

  // Students

  static final String STUDENT_QUIZZES =
      """
      select z.id, z.title, z.time_limit_minutes, z.opens_at, z.closes_at, z.attempts_allowed,
             (z.opens_at is null or z.opens_at <= now()) as opened,
             (z.closes_at is not null and z.closes_at <= now()) as closed,
             (select count(*) from attempt a where a.quiz_id = z.id and a.student_id = s.id) as attempts_used,
             (select a.id from attempt a where a.quiz_id = z.id and a.student_id = s.id and a.status = 'in_progress')
               as open_attempt,
             (select a.id from attempt a where a.quiz_id = z.id and a.student_id = s.id and a.status <> 'in_progress'
              order by a.number desc limit 1) as last_attempt
      from student s join quiz z on z.class_id = s.class_id
      where s.id = #{studentId}
      order by z.closes_at nulls last, z.id
      """;

  static final String STUDENT_CLASS =
      "select c.name from student s join class c on c.id = s.class_id where s.id = #{studentId}";

  /** A quiz's draw rules; they never change once the quiz is made. */
  static final String QUIZ_RULES =
      "select question_count, per_topic_count, shuffle_questions, shuffle_choices from quiz where id = #{quizId}";

  /**
   * Starts an attempt in one round trip with a draw made beforehand, checking the session itself (as {@link
   * #SAVE_ANSWER} does): the attempt, its deadline by the database clock (as {@link #INSERT_ATTEMPT} computes
   * it) and its draw, in the attempt's own row. It returns the new attempt's id, or the one in progress and
   * whether it has expired; it inserts nothing when the session, its token or the class do not fit, the quiz
   * is not open or used up, the draw is empty or an attempt is in progress. Two starts racing each other meet
   * at the attempt's unique indexes: the one that loses inserts nothing and finds neither a new nor (in its
   * snapshot) an open attempt. Whatever this statement does not settle, the caller leaves to the careful path,
   * which locks the student, sees the winner's attempt and says why a start is refused.
   */
  static final String START_ATTEMPT =
      "with who as (" + Sessions.SIGNED_IN_CTE + "),\n"
          + "touched as (" + Sessions.TOUCH_SESSION_CTE + " and exists (select 1 from who where token_ok)),\n"
          + """
      student_now as (
        select s.id, s.time_allowance
        from who join student s on s.id = who.user_id join quiz z on z.class_id = s.class_id
        where who.role = 'student' and who.token_ok and z.id = #{quizId}
      ),
      quiz_now as (
        select z.id, z.time_limit_minutes, z.closes_at, z.attempts_allowed,
               (z.opens_at is null or z.opens_at <= now()) as opened,
               (z.closes_at is not null and z.closes_at <= now()) as closed,
               (select count(*) from attempt a where a.quiz_id = z.id and a.student_id = (select id from student_now))
                 as attempts_used
        from quiz z where z.id = #{quizId} and exists (select 1 from student_now)
      ),
      open_attempt as (
        select a.id, a.deadline is not null and a.deadline + #{grace}::int * interval '1 second' < now() as expired
        from attempt a
        where a.quiz_id = #{quizId} and a.student_id = (select id from student_now) and a.status = 'in_progress'
      ),
      inserted as (
        insert into attempt (quiz_id, student_id, number, seed, deadline, question_ids, choice_orders, match_orders)
        select z.id, s.id, z.attempts_used + 1, #{seed},
               case when z.time_limit_minutes is null then z.closes_at
                    else least(now() + (z.time_limit_minutes * s.time_allowance)::float8 * interval '1 minute',
                               z.closes_at + (z.time_limit_minutes * (s.time_allowance - 1))::float8 * interval '1 minute')
               end,
               #{questionIds}, #{choiceOrders}, #{matchOrders}
        from quiz_now z, student_now s
        where z.opened and not z.closed and z.attempts_used < z.attempts_allowed
          and cardinality(#{questionIds}::bigint[]) > 0 and not exists (select 1 from open_attempt)
        on conflict do nothing
        returning id
      )
      select (select id from inserted) as new_id, (select id from open_attempt) as open_id,
             (select expired from open_attempt) as open_expired
      """;

  /** Serialises starts per student, so simultaneous "start" requests create one attempt. */
  static final String LOCK_STUDENT = "select id from student where id = #{studentId} for update";

  static final String QUIZ_FOR_STUDENT =
      """
      select z.id, z.question_count, z.per_topic_count, z.shuffle_questions, z.shuffle_choices, z.attempts_allowed,
             (z.opens_at is null or z.opens_at <= now()) as opened,
             (z.closes_at is not null and z.closes_at <= now()) as closed,
             (select count(*) from attempt a where a.quiz_id = z.id and a.student_id = s.id) as attempts_used
      from student s join quiz z on z.class_id = s.class_id
      where s.id = #{studentId} and z.id = #{quizId}
      """;

  static final String OPEN_ATTEMPT =
      """
      select id, deadline is not null and deadline + #{grace}::int * interval '1 second' < now() as expired
      from attempt where quiz_id = #{quizId} and student_id = #{studentId} and status = 'in_progress'
      """;

  static final String CANDIDATES =
      """
      select q.id, q.topic, q.position, q.type, q.content
      from quiz z
      join quiz_bank qb on qb.quiz_id = z.id
      join question q on q.bank_id = qb.bank_id and q.retired_at is null
      where z.id = #{quizId} and (cardinality(z.topics) = 0 or q.topic = any(z.topics))
      """;

  /**
   * The deadline is computed here, by the database clock: start + limit × allowance, capped by the close
   * time — for a student with an allowance, by the close time plus their extra time. The draw goes in the
   * same row: {@code #{questionIds}} by position, and per position a JSON array of choice labels and one of
   * match indexes in the order they are shown ({@code #{choiceOrders}}, {@code #{matchOrders}}).
   */
  static final String INSERT_ATTEMPT =
      """
      insert into attempt (quiz_id, student_id, number, seed, deadline, question_ids, choice_orders, match_orders)
      select z.id, s.id, #{number}, #{seed},
             case when z.time_limit_minutes is null then z.closes_at
                  else least(now() + (z.time_limit_minutes * s.time_allowance)::float8 * interval '1 minute',
                             z.closes_at + (z.time_limit_minutes * (s.time_allowance - 1))::float8 * interval '1 minute')
             end,
             #{questionIds}, #{choiceOrders}, #{matchOrders}
      from quiz z, student s
      where z.id = #{quizId} and s.id = #{studentId}
      returning id
      """;

  static final String ATTEMPT_FOR_STUDENT =
      """
      select a.id, a.quiz_id, a.number, a.status, a.started_at, a.submitted_at, a.score, a.max_score,
             z.title, z.attempts_allowed, z.review_policy, z.review_after_close,
             (z.closes_at is not null and z.closes_at <= now()) as closed,
             case when a.deadline is null then null
                  else greatest(0, (extract(epoch from a.deadline - now()) * 1000))::bigint end as remaining_ms,
             a.deadline is not null and a.deadline + #{grace}::int * interval '1 second' < now() as expired
      from attempt a join quiz z on z.id = a.quiz_id
      where a.id = #{attemptId} and a.student_id = #{studentId}
      """;

  /**
   * The attempt page in one round trip: who the session is (checked as {@link #SAVE_ANSWER} checks it, and
   * marked seen), the attempt if it is theirs, and one row per question with the question's current version,
   * its choice and match orders and the answer saved so far; the question's text comes from {@link
   * #QUESTIONS_SHOWN}. Always at least one row: a null {@code user_id} means no live session, a null {@code id}
   * no such attempt of theirs.
   */
  static final String ATTEMPT_PAGE =
      "with who as (" + Sessions.SIGNED_IN_CTE + "),\n"
          + "touched as (" + Sessions.TOUCH_SESSION_CTE + " and exists (select 1 from who)),\n"
          + """
      shown as (
        select a.id, a.status, a.question_ids, a.choice_orders, a.match_orders, z.title,
               case when a.deadline is null then null
                    else greatest(0, (extract(epoch from a.deadline - now()) * 1000))::bigint end as remaining_ms,
               a.deadline is not null and a.deadline + #{grace}::int * interval '1 second' < now() as expired
        from attempt a join who on who.role = 'student' and who.user_id = a.student_id
        join quiz z on z.id = a.quiz_id
        where a.id = #{attemptId}
      )
      select w.role, w.user_id, w.name, w.csrf_token, a.id, a.title, a.status, a.remaining_ms, a.expired,
             d.position::integer as position, a.choice_orders -> (d.position::integer - 1) as choice_order,
             a.match_orders -> (d.position::integer - 1) as match_order, q.id as question_id, q.updated_at,
             r.answer, r.seq, r.flagged
      from (select 1) as one
      left join who w on true
      left join shown a on true
      left join lateral unnest(a.question_ids) with ordinality as d(question_id, position) on true
      left join question q on q.id = d.question_id
      left join response r on r.attempt_id = a.id and r.question_id = d.question_id
      order by d.position
      """;

  /** What a student may see of questions: content only, never answer_key. */
  static final String QUESTIONS_SHOWN =
      "select id, updated_at, type, prompt, points, content from question where id = any(#{ids})";

  /**
   * Where each question of an attempt sits and which version of it was drawn, for checking answers on this
   * node. Only the attempt's own student, by the session token, gets rows: anyone else gets nothing to cache.
   */
  static final String ATTEMPT_QUESTION_VERSIONS =
      """
      select d.position::integer as position, d.question_id, q.updated_at
      from attempt a
      cross join lateral unnest(a.question_ids) with ordinality as d(question_id, position)
      join question q on q.id = d.question_id
      where a.id = #{attemptId}
        and exists (select 1 from session s where s.user_id = a.student_id and s.role = 'student'
                    and s.id_hash = #{idHash})
      order by d.position
      """;

  /** Questions as the server rebuilds them to check an answer against (keys included: never sent anywhere). */
  static final String QUESTIONS_BY_ID =
      """
      select q.id as question_id, q.updated_at, q.ref, q.type, q.prompt, q.points, q.topic, q.difficulty,
             q.content, q.answer_key, q.feedback, q.source
      from question q where q.id = any(#{ids})
      """;

  /**
   * Saves one answer in one round trip: it checks the session (token, timeouts and CSRF token, by the
   * accounts feature's own rule), that the attempt is the student's, that the position holds the question the
   * answer was checked against at the version it was checked at, and only then stores the answer and reports
   * what is stored and how much time is left. {@code #{store}} false makes it a check alone, for an answer
   * that failed its check: the page learns why only once the attempt is known to be the asker's. The answer
   * is stored with the points the node scored it at against that version (bank key), which the submission
   * totals ({@link #CLOSE_WITH_SAVED_POINTS}).
   *
   * <p>The attempt is read with a key share lock, so a save and a submission of the same attempt take turns
   * and no answer lands after the attempt was scored; the lock also hands back the attempt as it is now, should
   * a submission have committed while this save waited. An answer older than the stored one (lower seq: a
   * retried or overtaken save) leaves the newer answer in place, and the row returned tells the page the
   * newer seq, read under the row's lock rather than from a snapshot that may predate it. A stored seq below
   * the one sent means the attempt had ended.
   */
  static final String SAVE_ANSWER =
      "with who as (" + Sessions.SIGNED_IN_CTE + "),\n"
          + "touched as (" + Sessions.TOUCH_SESSION_CTE + " and exists (select 1 from who where token_ok)),\n"
          + """
      attempt_now as (
        select a.id, a.status, a.deadline, a.question_ids[#{position}] as question_id
        from attempt a join who on who.role = 'student' and who.user_id = a.student_id and who.token_ok
        where a.id = #{attemptId}
        for key share of a
      ),
      target as (
        select q.id as question_id, q.id = #{questionId} and q.updated_at = #{version} as current
        from attempt_now a join question q on q.id = a.question_id
      ),
      saved as (
        insert into response (attempt_id, question_id, answer, seq, flagged, points, outcome, scored_version)
        select a.id, t.question_id, #{answer}, #{seq}, #{flagged}, #{points}::numeric, #{outcome}::text, #{version}
        from attempt_now a join target t on t.current
        where #{store} and a.status = 'in_progress'
          and (a.deadline is null or now() <= a.deadline + #{grace}::int * interval '1 second')
        on conflict (attempt_id, question_id) do update
          set answer = case when response.seq < excluded.seq then excluded.answer else response.answer end,
              flagged = case when response.seq < excluded.seq then excluded.flagged else response.flagged end,
              saved_at = case when response.seq < excluded.seq then now() else response.saved_at end,
              points = case when response.seq < excluded.seq then excluded.points else response.points end,
              outcome = case when response.seq < excluded.seq then excluded.outcome else response.outcome end,
              scored_version = case when response.seq < excluded.seq then excluded.scored_version
                                    else response.scored_version end,
              seq = greatest(response.seq, excluded.seq)
        returning seq
      )
      select w.role, w.user_id, w.name, w.token_ok, a.id as attempt_id, a.status,
             case when a.deadline is null then null
                  else greatest(0, (extract(epoch from a.deadline - now()) * 1000))::bigint end as remaining_ms,
             (select current from target) as question_current,
             coalesce((select seq from saved),
                      (select seq from response r where r.attempt_id = a.id and r.question_id = #{questionId}))
               as stored_seq
      from (select 1) as one
      left join who w on true
      left join attempt_now a on true
      """;

  /** Whether an attempt takes answers now: asked again only when a save was refused as late. */
  static final String TAKES_ANSWERS =
      """
      select status = 'in_progress' and (deadline is null or now() <= deadline + #{grace}::int * interval '1 second')
        as open
      from attempt where id = #{attemptId}
      """;

  /** An attempt, locked for its finalisation, whoever asks (the sweeper, or a start closing an expired one). */
  static final String LOCK_ATTEMPT = "select a.status from attempt a where a.id = #{attemptId} for update";

  /** A student's own attempt, locked for its submission; no row for anyone else's. */
  static final String LOCK_STUDENTS_ATTEMPT =
      "select a.status from attempt a where a.id = #{attemptId} and a.student_id = #{studentId} for update";

  /**
   * An attempt's positions, each with its question ({@code q}), this quiz's key correction ({@code k}) and the
   * saved answer ({@code r}).
   */
  private static final String POSITIONS_OF_ATTEMPT =
      """
      from attempt a
      cross join lateral unnest(a.question_ids) with ordinality as d(question_id, position)
      join question q on q.id = d.question_id
      left join quiz_key k on k.quiz_id = a.quiz_id and k.question_id = q.id
      left join response r on r.attempt_id = a.id and r.question_id = q.id
      where a.id = #{attemptId}
      """;

  /**
   * The start of the update that closes an attempt: at or after the deadline it counts as submitted by the
   * clock, at the deadline.
   */
  private static final String CLOSE_ATTEMPT =
      """
      update attempt
      set status = case when deadline is not null and now() >= deadline then 'auto_submitted' else 'submitted' end,
          submitted_at = case when deadline is not null and now() >= deadline then deadline else now() end,
      """;

  /**
   * Closes a locked attempt with the points its saves stored, in one statement, when each answer was scored
   * against its question as it is now and the quiz corrects none of the attempt's keys: no question is read
   * whole and no response row is written again. Returns no row otherwise, and the submission scores every
   * answer afresh ({@link #QUESTIONS_WITH_RESPONSES}, {@link #SCORE_AND_CLOSE_ATTEMPT}). Its own statement
   * after the lock's, so that its snapshot holds every save that committed while the lock waited; the lock
   * found the attempt in progress, so the update asks for its id alone (asked for its status too, the planner
   * scanned every open attempt's entry in {@code attempt_one_open}). Returns the status it closed with.
   */
  static final String CLOSE_WITH_SAVED_POINTS =
      """
      with totals as (
        select coalesce(sum(r.points), 0) as score, sum(q.points) as max_score
      """ + POSITIONS_OF_ATTEMPT + """
        having bool_and(k.question_id is null
                        and (r.question_id is null or coalesce(r.scored_version = q.updated_at, false)))
      )
      """ + CLOSE_ATTEMPT + """
          score = t.score, max_score = t.max_score
      from totals t
      where id = #{attemptId}
      returning status
      """;

  /** The attempt's questions with the key this quiz scores by: a teacher's correction wins over the bank's. */
  static final String QUESTIONS_WITH_RESPONSES =
      """
      select d.position::integer as position, q.id as question_id, q.ref, q.type, q.prompt, q.points, q.topic,
             q.difficulty, q.content, coalesce(k.answer_key, q.answer_key) as answer_key, q.feedback, q.source,
             r.answer, r.points as earned, r.outcome, r.overridden
      """ + POSITIONS_OF_ATTEMPT + """
      order by d.position
      """;

  /**
   * Stores each answered question's points and outcome and closes the attempt with its total, in one
   * statement, where each answer had an update of its own (20 for a 20-question quiz): a class submitting
   * together is a burst of its own. Returns the status it closed with.
   */
  static final String SCORE_AND_CLOSE_ATTEMPT =
      """
      with scored as (
        update response r set points = s.points, outcome = s.outcome
        from unnest(#{questionIds}::bigint[], #{points}::text[]::numeric[], #{outcomes}::text[])
          as s(question_id, points, outcome)
        where r.attempt_id = #{attemptId} and r.question_id = s.question_id
      )
      """ + CLOSE_ATTEMPT + """
          score = #{score}, max_score = #{maxScore}
      where id = #{attemptId}
      returning status
      """;

  static final String EXPIRED_ATTEMPTS =
      """
      select id from attempt
      where status = 'in_progress' and deadline is not null and deadline + #{grace}::int * interval '1 second' < now()
      order by deadline limit 200
      """;
}
