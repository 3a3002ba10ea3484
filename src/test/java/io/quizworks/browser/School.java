package io.quizworks.browser;

import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A teacher with one class, set up over HTTP through the teacher's own pages (sign-up, the new-class form,
 * the class page for its join code, the new-quiz form), so browser tests spend the browser on the student.
 */
final class School {
  private static final Pattern JOIN_CODE = Pattern.compile("id=\"join-code\">([^<]+)<");

  final TestClient teacher;
  final long classId;
  final String joinCode;
  private final TestDatabase database;

  School(Vertx vertx, int port, TestDatabase database, String teacherEmail, String className) {
    this.database = database;
    teacher = new TestClient(vertx, port);
    teacher.signUpTeacher("Teacher of " + className, teacherEmail, "teacher password");
    HttpResponse<Buffer> created = teacher.postForm("/classes", Map.of("name", className));
    if (created.statusCode() != 303) {
      throw new AssertionError("class refused: " + created.statusCode() + " " + created.bodyAsString());
    }
    String location = created.getHeader("Location");
    classId = Long.parseLong(location.substring("/classes/".length()));
    HttpResponse<Buffer> page = teacher.get(location);
    Matcher code = JOIN_CODE.matcher(page.bodyAsString());
    if (page.statusCode() != 200 || !code.find()) {
      throw new AssertionError("no join code on the class page: " + page.statusCode());
    }
    joinCode = code.group(1).strip();
  }

  long bankId(String slug) {
    return database.queryLong("select id from bank where slug = '" + slug + "'");
  }

  /** Creates a quiz through the teacher's form (Manufacturing roles bank, full review unless overridden). */
  long quiz(Map<String, String> overrides) {
    Map<String, String> form = new HashMap<>(Map.of("title", "Roles check", "bank",
        String.valueOf(bankId("manufacturing-roles")), "questionCount", "6", "timeLimit", "", "attemptsAllowed", "1",
        "gradingMethod", "highest", "reviewPolicy", "full", "reviewWhen", "immediately", "shuffleChoices", "on",
        "shuffleQuestions", "on"));
    form.putAll(overrides);
    return teacher.createQuiz(classId, form);
  }
}
