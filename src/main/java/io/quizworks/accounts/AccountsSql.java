package io.quizworks.accounts;

/** Every statement the accounts feature runs, with named parameters for {@code SqlTemplate}. */
final class AccountsSql {
  private AccountsSql() {}

  static final String CREATE_SESSION =
      """
      insert into session (id_hash, role, user_id, csrf_token) values (#{idHash}, #{role}, #{userId}, #{csrf})
      """;

  /**
   * The session's timeouts, over {@code session s}, shared by {@link #LOAD_SESSION} and {@link #SIGNED_IN} so
   * both judge a session alike. A student with an attempt in progress is never idle: the idle timeout must
   * not sign anyone out in the middle of a quiz. A stale session is marked seen again, at most once a minute.
   */
  private static final String TOO_OLD = "s.created_at < now() - #{absolute}::int * interval '1 second'";

  private static final String IDLE =
      """
      s.last_seen_at < now() - #{idle}::int * interval '1 second'
        and not exists (select 1 from attempt a
                        where s.role = 'student' and a.student_id = s.user_id and a.status = 'in_progress')""";

  private static final String STALE = "s.last_seen_at < now() - interval '1 minute'";

  /** The session with its user's name and whether it has outlived its timeouts. */
  static final String LOAD_SESSION =
      "select s.role, s.user_id, s.csrf_token, coalesce(t.name, st.display_name) as name,\n"
          + TOO_OLD + " as too_old,\n" + IDLE + " as idle,\n" + STALE + " as stale\n"
          + """
      from session s
      left join teacher t on s.role = 'teacher' and t.id = s.user_id
      left join student st on s.role = 'student' and st.id = s.user_id
      where s.id_hash = #{idHash}
      """;

  static final String TOUCH_SESSION = "update session set last_seen_at = now() where id_hash = #{idHash}";

  /**
   * Who is signed in with {@code #{idHash}}, by the same timeouts as {@link #LOAD_SESSION}, the session's CSRF
   * token (for a page to embed) and whether {@code #{csrf}} is that token: the body of a CTE that a hot
   * statement puts in front of its own work, so checking the session costs no round trip of its own.
   */
  static final String SIGNED_IN =
      """
      select s.role, s.user_id, coalesce(t.name, st.display_name) as name, s.csrf_token,
             s.csrf_token = #{csrf} as token_ok
      from session s
      left join teacher t on s.role = 'teacher' and t.id = s.user_id
      left join student st on s.role = 'student' and st.id = s.user_id
      where s.id_hash = #{idHash} and coalesce(t.name, st.display_name) is not null
      """
          + "  and not (" + TOO_OLD + ") and not (" + IDLE + ")";

  /** Marks the session {@code #{idHash}} seen, at most once a minute: the body of a data-modifying CTE. */
  static final String TOUCH_STALE_SESSION =
      "update session s set last_seen_at = now() where s.id_hash = #{idHash} and " + STALE;

  static final String DELETE_SESSION = "delete from session where id_hash = #{idHash}";

  static final String DELETE_USER_SESSIONS = "delete from session where role = #{role} and user_id = #{userId}";

  static final String RECENT_FAILURES =
      """
      select count(*) filter (where key = #{account}) as account_failures,
             count(*) filter (where key = #{address}) as address_failures
      from sign_in_failure
      where key in (#{account}, #{address}) and failed_at > now() - #{window}::int * interval '1 second'
      """;

  static final String RECORD_FAILURE =
      "insert into sign_in_failure (key) values (#{account}), (#{address})";

  static final String FORGET_OLD_FAILURES =
      "delete from sign_in_failure where failed_at < now() - #{window}::int * interval '1 second'";

  static final String CREATE_TEACHER =
      """
      insert into teacher (email, name, password_hash) values (#{email}, #{name}, #{hash})
      on conflict do nothing
      returning id
      """;

  static final String TEACHER_BY_EMAIL =
      "select id, name, password_hash from teacher where lower(email) = lower(#{email})";

  static final String STUDENT_FOR_SIGN_IN =
      """
      select st.id, st.display_name, st.password_hash
      from student st join class c on c.id = st.class_id
      where c.join_code = #{code} and lower(st.display_name) = lower(#{name})
      """;
}
