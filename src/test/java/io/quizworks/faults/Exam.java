package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A class sitting an exam, made the quickest way (as {@code quiz.QuizFixture} does): the teacher through the
 * sign-up page, the class and students straight into the database, the quiz through the teacher's form. It
 * also knows each attempt's questions, so tests can send a valid answer of every type and find it again in
 * the database and on the attempt page.
 */
final class Exam {
  static final String PASSWORD = "student password";
  private static final String HASH = Password.hash(PASSWORD).addRandomSalt(16)
      .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID)).getResult();

  final Db db;
  final Vertx vertx;
  final Browser teacher;
  final long classId;
  final String classCode;

  Exam(Db db, Vertx vertx, int node) {
    this.db = db;
    this.vertx = vertx;
    String tag = UUID.randomUUID().toString().substring(0, 8);
    this.classCode = "F" + tag.substring(0, 5).toUpperCase(java.util.Locale.ROOT);
    teacher = new Browser(vertx, node);
    String email = "faults-" + tag + "@school.test";
    teacher.signUpTeacher(node, "Teacher " + tag, email, "teacher password");
    long teacherId = db.queryLong("select id from teacher where email = '" + email + "'");
    classId = db.queryLong("insert into class (teacher_id, name, join_code) values (" + teacherId + ", 'Period "
        + tag + "', '" + classCode + "') returning id");
  }

  void student(String name) {
    db.execute("insert into student (class_id, display_name, password_hash, time_allowance) values (" + classId
        + ", '" + name + "', '" + HASH + "', 1)");
  }

  Browser signIn(int node, String name) {
    Browser browser = new Browser(vertx, node);
    browser.signInStudent(node, classCode, name, PASSWORD);
    return browser;
  }

  /** A quiz from the Manufacturing Roles bank through the teacher's form; returns its id. */
  long quiz(int node, Map<String, String> overrides) {
    long bankId = db.queryLong("select id from bank where slug = 'manufacturing-roles'");
    Map<String, String> form = new HashMap<>(Map.of("title", "Exam " + System.nanoTime(), "bank",
        String.valueOf(bankId), "questionCount", "8", "timeLimit", "30", "attemptsAllowed", "1", "gradingMethod",
        "highest", "reviewPolicy", "score", "reviewWhen", "immediately", "shuffleChoices", "on", "shuffleQuestions",
        "on"));
    form.putAll(overrides);
    form.values().removeIf(String::isEmpty);
    teacher.get(node, "/classes/" + classId + "/quizzes/new");
    HttpResponse<Buffer> response = teacher.postForm(node, "/classes/" + classId + "/quizzes", form);
    if (response.statusCode() != 303) {
      throw new AssertionError("quiz refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    return Long.parseLong(response.getHeader("Location").substring("/quizzes/".length()));
  }

  static long start(Browser student, int node, long quizId) {
    HttpResponse<Buffer> response = student.json(node, HttpMethod.POST, "/api/quizzes/" + quizId + "/start",
        new JsonObject());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getLong("attemptId");
  }

  /** One drawn question of an attempt: enough to make valid answers and to find them on the page. */
  record Item(int position, String type, List<String> labels, List<String> matches) {
    /** A valid answer; different variants give different answers where the question allows. */
    JsonObject answer(long variant) {
      int k = (int) (variant % 1_000_000);
      return switch (type) {
        case "single_choice" -> new JsonObject().put("choice", labels.get(k % labels.size()));
        case "multiple_response" -> new JsonObject().put("choices", new JsonArray().add(labels.get(k % labels.size())));
        case "true_false" -> new JsonObject().put("value", k % 2 == 0);
        case "short_answer" -> new JsonObject().put("text", "answer " + k);
        case "numeric" -> new JsonObject().put("number", k + ".5");
        case "ordering" -> {
          JsonArray order = new JsonArray();
          for (int i = 0; i < labels.size(); i++) {
            order.add(labels.get((i + k) % labels.size()));
          }
          yield new JsonObject().put("order", order);
        }
        case "matching" -> new JsonObject().put("pairs",
            new JsonObject().put(labels.get(0), matches.get(k % matches.size())));
        default -> throw new IllegalStateException("unknown type " + type);
      };
    }

    /** What the attempt page must show for a stored answer (HTML as FreeMarker escapes it). */
    List<String> onPage(JsonObject answer) {
      String p = "q-" + position;
      List<String> shown = new ArrayList<>();
      switch (type) {
        case "single_choice" -> shown.add(checked(p, answer.getString("choice")));
        case "multiple_response" -> answer.getJsonArray("choices").forEach(l -> shown.add(checked(p, (String) l)));
        case "true_false" -> shown.add(checked(p, String.valueOf(answer.getBoolean("value"))));
        case "short_answer" -> shown.add("id=\"" + p + "-input\" name=\"" + p + "\" value=\""
            + html(answer.getString("text")) + "\"");
        case "numeric" -> shown.add("id=\"" + p + "-input\" name=\"" + p + "\" value=\""
            + html(answer.getString("number")) + "\"");
        case "ordering" -> {
          JsonArray order = answer.getJsonArray("order");
          for (int i = 0; i < order.size(); i++) {
            shown.add("id=\"" + p + "-" + order.getString(i) + "\"|<option value=\"" + (i + 1) + "\" selected>");
          }
        }
        case "matching" -> answer.getJsonObject("pairs").forEach(pair -> shown.add("id=\"" + p + "-" + pair.getKey()
            + "\"|<option value=\"" + html((String) pair.getValue()) + "\" selected>"));
        default -> throw new IllegalStateException("unknown type " + type);
      }
      return shown;
    }

    private static String checked(String p, String value) {
      return "id=\"" + p + "-" + value + "\" name=\"" + p + "\" value=\"" + value + "\" checked";
    }
  }

  /** The attempt's questions by position. */
  Map<Integer, Item> items(long attemptId) {
    Map<Integer, Item> items = new LinkedHashMap<>();
    for (Map<String, Object> row : db.rows("select aq.position, q.type, q.content::text as content from "
        + "attempt_question aq join question q on q.id = aq.question_id where aq.attempt_id = " + attemptId
        + " order by aq.position")) {
      JsonObject content = new JsonObject((String) row.get("content"));
      List<String> labels = new ArrayList<>();
      content.getJsonArray("choices", new JsonArray()).forEach(c -> labels.add(((JsonObject) c).getString("label")));
      List<String> matches = new ArrayList<>();
      content.getJsonArray("matches", new JsonArray()).forEach(m -> matches.add((String) m));
      int position = ((Number) row.get("position")).intValue();
      items.put(position, new Item(position, (String) row.get("type"), labels, matches));
    }
    return items;
  }

  /**
   * Asserts that an attempt page shows every stored answer. A check of the form {@code "a|b"} means: the
   * element starting at {@code a} has {@code b} before its {@code </select>}.
   */
  static void assertPageShows(String page, Map<Integer, Item> items, Map<Integer, Db.Stored> stored) {
    stored.forEach((position, answer) -> {
      for (String check : items.get(position).onPage(answer.answer())) {
        if (check.contains("|")) {
          String[] parts = check.split("\\|", 2);
          int at = page.indexOf(parts[0]);
          assertThat(at).as("page has " + parts[0]).isNotNegative();
          String element = page.substring(at, page.indexOf("</select>", at));
          assertThat(element).as("question " + position + " shows " + answer.answer()).contains(parts[1]);
        } else {
          assertThat(page).as("question " + position + " shows " + answer.answer()).contains(check);
        }
      }
    });
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
