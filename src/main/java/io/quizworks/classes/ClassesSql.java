package io.quizworks.classes;

/** Every statement the classes feature runs, with named parameters for {@code SqlTemplate}. */
final class ClassesSql {
  private ClassesSql() {}

  /** The unique index a new join code can collide with; the code is then drawn again. */
  static final String JOIN_CODE_CONSTRAINT = "class_join_code_key";

  /** The unique index a new setup code can collide with (V4); the code is then drawn again. */
  static final String SETUP_CODE_CONSTRAINT = "student_setup_code";

  static final String TEACHER_CLASSES =
      """
      select c.id, c.name, c.join_code,
             (select count(*) from student s where s.class_id = c.id) as students,
             (select count(*) from quiz q where q.class_id = c.id) as quizzes
      from class c
      where c.teacher_id = #{teacherId}
      order by c.created_at, c.id
      """;

  static final String CREATE_CLASS =
      "insert into class (teacher_id, name, join_code) values (#{teacherId}, #{name}, #{joinCode}) returning id";

  static final String OWNED_CLASS =
      "select id, name, join_code from class where id = #{classId} and teacher_id = #{teacherId}";

  static final String SET_JOIN_CODE =
      "update class set join_code = #{joinCode} where id = #{classId} and teacher_id = #{teacherId} returning id";

  static final String CLASS_STUDENTS =
      """
      select id, display_name, student_number, email, time_allowance,
             password_hash is not null as has_password,
             setup_code_hash is not null and setup_code_expires > now() as has_setup_code
      from student
      where class_id = #{classId}
      order by lower(display_name), id
      """;

  static final String CLASS_QUIZZES =
      """
      select id, title, time_limit_minutes, opens_at, closes_at
      from quiz
      where class_id = #{classId}
      order by created_at, id
      """;

  static final String SET_ALLOWANCE =
      """
      update student s set time_allowance = #{allowance}
      from class c
      where s.id = #{studentId} and s.class_id = #{classId} and c.id = s.class_id and c.teacher_id = #{teacherId}
      returning s.id
      """;

  static final String ISSUE_SETUP_CODE =
      """
      update student s set setup_code_hash = #{codeHash},
                           setup_code_expires = now() + #{days}::int * interval '1 day'
      from class c
      where s.id = #{studentId} and s.class_id = #{classId} and c.id = s.class_id and c.teacher_id = #{teacherId}
      returning s.display_name, s.student_number, c.name as class_name
      """;

  /**
   * Locks the class for a roster upload. Adding a student checks the class row with a key-share lock,
   * which this lock waits for and then blocks, so no student joins between reading the class's names and
   * writing the roster.
   */
  static final String LOCK_OWNED_CLASS =
      "select id from class where id = #{classId} and teacher_id = #{teacherId} for update";

  static final String ROSTER_STUDENTS =
      "select id, student_number, display_name, email from student where class_id = #{classId}";

  static final String UPDATE_FROM_ROSTER =
      """
      update student set display_name = #{name}, email = #{email}
      where id = #{studentId} and class_id = #{classId}
      """;

  static final String ADD_FROM_ROSTER =
      """
      insert into student (class_id, display_name, student_number, email, setup_code_hash, setup_code_expires)
      values (#{classId}, #{name}, #{studentNumber}, #{email}, #{codeHash}, now() + #{days}::int * interval '1 day')
      """;

  static final String CLASS_BY_JOIN_CODE = "select id from class where join_code = #{joinCode}";

  static final String NAME_TAKEN =
      """
      select exists (select 1 from student where class_id = #{classId} and lower(display_name) = lower(#{name}))
        as taken
      """;

  /** Empty when the name was taken after {@link #NAME_TAKEN} looked. */
  static final String JOIN_CLASS =
      """
      insert into student (class_id, display_name, password_hash) values (#{classId}, #{name}, #{hash})
      on conflict do nothing
      returning id
      """;

  static final String STUDENT_BY_SETUP_CODE =
      "select id from student where setup_code_hash = #{codeHash} and setup_code_expires > now()";

  /** Checks the code again as it clears it, so of two submits racing with one code only one wins. */
  static final String SET_FIRST_PASSWORD =
      """
      update student set password_hash = #{hash}, setup_code_hash = null, setup_code_expires = null
      where id = #{studentId} and setup_code_hash = #{codeHash} and setup_code_expires > now()
      returning id
      """;
}
