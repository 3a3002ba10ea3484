package io.quizworks.quiz;

import io.quizworks.accounts.Sessions;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionRows;
import io.quizworks.scoring.InvalidResponseException;
import io.quizworks.scoring.Response;
import io.quizworks.scoring.ResponseJson;
import io.quizworks.scoring.Score;
import io.quizworks.scoring.Scorer;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The life of an attempt, all in PostgreSQL: start (once, however many requests ask), save one answer at a
 * time, submit, and finalise when the deadline has passed. Any node can serve any step. Each event loop has an
 * instance of its own: its saves are batched ({@link SaveBatches}) without locks because one loop uses it.
 */
public final class Attempts {
  private static final SecureRandom SEEDS = new SecureRandom();
  /** Sent for a question the node could not read for this asker: the statement then only checks. */
  private static final OffsetDateTime NO_VERSION = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final Pool pool;
  /** What one statement answers on an exam's path but the save itself (start, page, a save's checks). */
  private final SqlClient pipelined;
  private final int graceSeconds;
  private final DrawPlans plans = new DrawPlans();
  private final AnswerShapes shapes;
  private final ShownQuestions shown;
  /** Parsed once: the hottest statements of an exam. */
  private final SaveBatches saveAnswer;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> startAttempt;
  private final SqlTemplate<Map<String, Object>, RowSet<Row>> attemptPage;

  public Attempts(Pool pool, Duration grace) {
    this(pool, pool, pool, grace, new AnswerShapes(), new ShownQuestions());
  }

  private Attempts(Pool pool, SqlClient pipelined, SqlClient saving, Duration grace, AnswerShapes shapes,
      ShownQuestions shown) {
    this.pool = pool;
    this.pipelined = pipelined;
    this.graceSeconds = (int) grace.toSeconds();
    this.shapes = shapes;
    this.shown = shown;
    this.saveAnswer = new SaveBatches(SqlTemplate.forQuery(saving, QuizSql.SAVE_ANSWER));
    this.startAttempt = SqlTemplate.forQuery(pipelined, QuizSql.START_ATTEMPT);
    this.attemptPage = SqlTemplate.forQuery(pipelined, QuizSql.ATTEMPT_PAGE);
  }

  /**
   * An instance for one event loop that shares with the node's other loops what it learns of questions: a page
   * served on one loop spares the autosaves that arrive on another a read of their own, and every page the
   * parsing of the questions it shows. The statements that answer a start or an attempt page on their own go
   * through {@code pipelined}, a few connections that each carry many statements at once, and the save statement
   * through {@code saving}, connections of its own of the same kind; transactions take a connection of {@code
   * pool} for themselves.
   */
  public static Attempts onNode(Vertx vertx, Pool pool, SqlClient pipelined, SqlClient saving, Duration grace) {
    return new Attempts(pool, pipelined, saving, grace, nodeWide(vertx, new AnswerShapes()),
        nodeWide(vertx, new ShownQuestions()));
  }

  /** The node's one instance of a kind, this one if it is the first. */
  private static <T extends Shareable> T nodeWide(Vertx vertx, T mine) {
    LocalMap<String, T> node = vertx.sharedData().getLocalMap(mine.getClass().getName());
    T shared = node.putIfAbsent("instance", mine);
    return shared == null ? mine : shared;
  }

  /** The attempt to go to, or why the student may not start one. */
  public record Started(Optional<Long> attemptId, String refusal) {
    static Started refused(String why) {
      return new Started(Optional.empty(), why);
    }

    static Started at(long id) {
      return new Started(Optional.of(id), "");
    }
  }

  /**
   * Starts an attempt, or finds the one in progress, in one statement that checks the session itself: the
   * common case of an exam's first minute. The attempt's id, or empty when that statement settled nothing (no
   * live session, a wrong token, not the student's quiz, a refusal, an expired attempt to close, a start that
   * raced another): the ordinary route then answers, by way of {@link #start(long, long)}.
   */
  public Future<Optional<Long>> start(Sessions.Proof proof, long quizId) {
    return plans.get(quizId, () -> plan(quizId)).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      long seed = SEEDS.nextLong();
      List<QuestionDraw.Drawn> drawn = QuestionDraw.draw(found.get().candidates(), found.get().rules(), seed);
      Map<String, Object> parameters = withDraw(drawn, Map.of("quizId", quizId, "seed", seed, "grace", graceSeconds));
      proof.addTo(parameters);
      return startAttempt.execute(parameters).map(rows -> {
        Row row = rows.iterator().next();
        Long created = row.getLong("new_id");
        Long open = row.getLong("open_id");
        if (created != null) {
          return Optional.of(created);
        }
        return open != null && !row.getBoolean("open_expired") ? Optional.of(open) : Optional.empty();
      });
    });
  }

  /**
   * Starts an attempt, or returns the one in progress, the careful way: the student's row is locked for the
   * transaction, so simultaneous requests queue up and all but the first find the attempt the first one
   * created; an expired attempt is closed first; a refusal says why.
   */
  public Future<Started> start(long studentId, long quizId) {
    return plans.get(quizId, () -> plan(quizId)).compose(found -> found.isEmpty()
        ? Future.failedFuture(new NotFound())
        : startCarefully(studentId, quizId, found.get()));
  }

  private Future<Optional<DrawPlans.Plan>> plan(long quizId) {
    return query(pool, QuizSql.QUIZ_RULES, Map.of("quizId", quizId)).compose(rules -> {
      if (rules.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      Row quiz = rules.get(0);
      QuestionDraw.Rules drawRules = new QuestionDraw.Rules(quiz.getInteger("question_count"),
          quiz.getInteger("per_topic_count"), quiz.getBoolean("shuffle_questions"), quiz.getBoolean("shuffle_choices"));
      return query(pool, QuizSql.CANDIDATES, Map.of("quizId", quizId))
          .map(rows -> Optional.of(new DrawPlans.Plan(drawRules, candidates(rows))));
    });
  }

  /** Why a student may not start a new attempt at a quiz (from a row with the quiz's state), if they may not. */
  private static Optional<Started> refusal(Row quiz, List<QuestionDraw.Drawn> drawn) {
    if (!quiz.getBoolean("opened")) {
      return Optional.of(Started.refused("This quiz has not opened yet."));
    }
    if (quiz.getBoolean("closed")) {
      return Optional.of(Started.refused("This quiz has closed."));
    }
    long used = quiz.getLong("attempts_used");
    int allowed = quiz.getInteger("attempts_allowed");
    if (used >= allowed) {
      return Optional.of(Started.refused("You have used all " + allowed
          + (allowed == 1 ? " attempt" : " attempts") + " at this quiz."));
    }
    if (drawn.isEmpty()) {
      return Optional.of(Started.refused("This quiz has no questions yet. Tell your teacher."));
    }
    return Optional.empty();
  }

  private Future<Started> startCarefully(long studentId, long quizId, DrawPlans.Plan plan) {
    return pool.withTransaction(connection -> query(connection, QuizSql.LOCK_STUDENT, Map.of("studentId", studentId))
        .compose(locked -> query(connection, QuizSql.QUIZ_FOR_STUDENT, Map.of("studentId", studentId, "quizId", quizId)))
        .compose(quizzes -> {
          if (quizzes.isEmpty()) {
            return Future.succeededFuture(Optional.<Started>empty());
          }
          Row quiz = quizzes.get(0);
          return query(connection, QuizSql.OPEN_ATTEMPT,
              Map.of("quizId", quizId, "studentId", studentId, "grace", graceSeconds))
              .compose(open -> {
                if (!open.isEmpty() && !open.get(0).getBoolean("expired")) {
                  return Future.succeededFuture(Optional.of(Started.at(open.get(0).getLong("id"))));
                }
                Future<Void> closedOld = open.isEmpty() ? Future.succeededFuture()
                    : finalise(connection, open.get(0).getLong("id"));
                return closedOld.compose(v -> startNew(connection, studentId, quiz, plan)).map(Optional::of);
              });
        }))
        .map(found -> found.orElse(null))
        .compose(started -> started == null ? Future.failedFuture(new NotFound()) : Future.succeededFuture(started));
  }

  private Future<Started> startNew(SqlConnection connection, long studentId, Row quiz, DrawPlans.Plan plan) {
    long quizId = quiz.getLong("id");
    long seed = SEEDS.nextLong();
    List<QuestionDraw.Drawn> drawn = QuestionDraw.draw(plan.candidates(), plan.rules(), seed);
    Optional<Started> refused = refusal(quiz, drawn);
    if (refused.isPresent()) {
      return Future.succeededFuture(refused.get());
    }
    return query(connection, QuizSql.INSERT_ATTEMPT, withDraw(drawn, Map.of("quizId", quizId, "studentId", studentId,
        "number", quiz.getInteger("attempts_used") + 1, "seed", seed)))
        .map(inserted -> Started.at(inserted.get(0).getLong("id")));
  }

  /** The parameters with the draw added as the attempt row stores it (see {@link QuizSql#INSERT_ATTEMPT}). */
  private static Map<String, Object> withDraw(List<QuestionDraw.Drawn> drawn, Map<String, Object> parameters) {
    Long[] questionIds = new Long[drawn.size()];
    JsonArray choiceOrders = new JsonArray();
    JsonArray matchOrders = new JsonArray();
    for (int i = 0; i < drawn.size(); i++) {
      QuestionDraw.Drawn question = drawn.get(i);
      questionIds[i] = question.questionId();
      choiceOrders.add(new JsonArray(question.choiceOrder()));
      matchOrders.add(new JsonArray(question.matchOrder()));
    }
    Map<String, Object> all = new HashMap<>(parameters);
    all.put("questionIds", questionIds);
    all.put("choiceOrders", choiceOrders);
    all.put("matchOrders", matchOrders);
    return all;
  }

  private static List<QuestionDraw.Candidate> candidates(List<Row> rows) {
    List<QuestionDraw.Candidate> candidates = new ArrayList<>();
    for (Row row : rows) {
      JsonObject content = row.getJsonObject("content");
      List<String> labels = new ArrayList<>();
      content.getJsonArray("choices", new JsonArray()).forEach(c -> labels.add(((JsonObject) c).getString("label")));
      candidates.add(new QuestionDraw.Candidate(row.getLong("id"), row.getString("topic"), row.getInteger("position"),
          row.getString("type"), labels, content.getJsonArray("matches", new JsonArray()).size()));
    }
    return List.copyOf(candidates);
  }

  /**
   * The outcome of saving one answer, as the page needs it to resynchronise. A 403 (wrong CSRF token) or 404
   * (not the asker's attempt, or no such question) is a refusal for the caller to log and answer; {@code
   * asker} is who asked, when the session says.
   */
  public record Saved(int status, JsonObject body, Optional<Principal> asker) {
    Saved(int status, JsonObject body) {
      this(status, body, Optional.empty());
    }
  }

  /**
   * Saves one answer, checking the session itself so that a save is one round trip once this node knows the
   * attempt's questions. Idempotent and ordered by {@code seq}: a retried or older save leaves a newer answer
   * in place and still answers 200, since the page's queue must stop resending it.
   */
  public Future<Saved> save(Sessions.Proof proof, long attemptId, int position, JsonObject body) {
    Object rawSeq = body.getValue("seq");
    if (!(rawSeq instanceof Integer || rawSeq instanceof Long) || ((Number) rawSeq).longValue() < 0
        || body.containsKey("flagged") && !(body.getValue("flagged") instanceof Boolean)) {
      return Future.succeededFuture(error(400, "bad-request",
          "A save needs a whole-number \"seq\" and, if given, a true/false \"flagged\"."));
    }
    long seq = ((Number) rawSeq).longValue();
    return save(proof, attemptId, position, body, seq, true);
  }

  private Future<Saved> save(Sessions.Proof proof, long attemptId, int position, JsonObject body, long seq,
      boolean mayReread) {
    return shapesOf(proof, attemptId).compose(known -> {
      AnswerShapes.Shape shape = position >= 1 && position <= known.length ? known[position - 1] : null;
      JsonObject answer = new JsonObject();
      Score score = null;
      String invalid = null;
      if (shape != null) {
        try {
          Object raw = body.getValue("answer");
          Response response = ResponseJson.parse(shape.question(), raw instanceof JsonObject json ? json : null);
          answer = ResponseJson.toJson(response);
          score = Scorer.score(shape.question(), response);
        } catch (InvalidResponseException | ClassCastException e) {
          invalid = e.getMessage();
        }
      }
      Map<String, Object> parameters = new HashMap<>();
      proof.addTo(parameters);
      parameters.put("attemptId", attemptId);
      parameters.put("position", position);
      parameters.put("questionId", shape == null ? -1L : shape.questionId());
      parameters.put("version", shape == null ? NO_VERSION : shape.version());
      parameters.put("answer", answer);
      parameters.put("points", score == null ? null : score.points());
      parameters.put("outcome", score == null ? null : score.outcome().stored());
      parameters.put("seq", seq);
      parameters.put("flagged", body.getBoolean("flagged", false));
      parameters.put("store", shape != null && invalid == null);
      parameters.put("grace", graceSeconds);
      String refusal = invalid;
      return saveAnswer.run(attemptId, parameters).compose(row -> {
        if (row.getLong("user_id") == null) {
          return Future.succeededFuture(new Saved(401, Guards.signedOutBody()));
        }
        Optional<Principal> asker = Optional.of(new Principal(
            Principal.Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)), row.getLong("user_id"),
            row.getString("name")));
        if (!Boolean.TRUE.equals(row.getBoolean("token_ok"))) {
          return Future.succeededFuture(new Saved(403, new JsonObject(), asker));
        }
        Boolean current = row.getBoolean("question_current");
        if (row.getLong("attempt_id") == null || current == null) {
          return Future.succeededFuture(new Saved(404, new JsonObject(), asker));
        }
        if (!current) {
          shapes.forgetAttempt(attemptId);
          return mayReread ? save(proof, attemptId, position, body, seq, false)
              : Future.succeededFuture(error(503, "not-saved", "This answer was not saved yet. It will be sent again."));
        }
        if (refusal != null) {
          return Future.succeededFuture(error(400, "invalid-answer", refusal));
        }
        Long storedSeq = row.getLong("stored_seq");
        return storedSeq != null && storedSeq >= seq
            ? Future.succeededFuture(stored(storedSeq, row))
            : refusedAsLate(attemptId);
      });
    });
  }

  /**
   * The attempt's questions as this node last read them, or read now. Empty when the session is not the
   * attempt's student's: the save statement then says why.
   */
  private Future<AnswerShapes.Shape[]> shapesOf(Sessions.Proof proof, long attemptId) {
    Optional<AnswerShapes.Shape[]> known = shapes.attempt(attemptId);
    if (known.isPresent()) {
      return Future.succeededFuture(known.get());
    }
    return query(pipelined, QuizSql.ATTEMPT_QUESTION_VERSIONS, Map.of("attemptId", attemptId, "idHash", proof.idHash()))
        .compose(positions -> {
          List<Long> unknown = new ArrayList<>();
          for (Row row : positions) {
            OffsetDateTime version = row.getOffsetDateTime("updated_at");
            if (shapes.at(row.getLong("question_id"), version).isEmpty()) {
              unknown.add(row.getLong("question_id"));
            }
          }
          Future<Void> read = unknown.isEmpty() ? Future.succeededFuture()
              : query(pipelined, QuizSql.QUESTIONS_BY_ID, Map.of("ids", unknown.toArray(new Long[0]))).map(rows -> {
                rows.forEach(row -> shapes.putQuestion(new AnswerShapes.Shape(row.getLong("question_id"),
                    row.getOffsetDateTime("updated_at"), QuestionRows.question(row))));
                return null;
              });
          return read.map(v -> {
            AnswerShapes.Shape[] byPosition = new AnswerShapes.Shape[positions.size()];
            for (Row row : positions) {
              // The newest version this node has: should the question have changed meanwhile, the save
              // statement sees the difference and the save reads it again.
              AnswerShapes.Shape shape = shapes.latest(row.getLong("question_id")).orElse(null);
              if (shape == null) {
                return new AnswerShapes.Shape[0];
              }
              byPosition[row.getInteger("position") - 1] = shape;
            }
            if (byPosition.length > 0) {
              shapes.putAttempt(attemptId, byPosition);
            }
            return byPosition;
          });
        });
  }

  private static Saved stored(long storedSeq, Row saved) {
    return new Saved(200, new JsonObject().put("saved", true).put("seq", storedSeq)
        .put("status", saved.getString("status")).put("remainingMs", saved.getLong("remaining_ms")));
  }

  /**
   * The reply to an answer that arrived after the attempt ended. Minutes a teacher adds do not wait for a
   * save's lock, so they may have reopened the attempt while the answer was refused: then nothing was stored,
   * yet the attempt is open, and the page is told to send the answer again (503) rather than that time is up.
   */
  private Future<Saved> refusedAsLate(long attemptId) {
    return query(pipelined, QuizSql.TAKES_ANSWERS, Map.of("attemptId", attemptId, "grace", graceSeconds)).map(rows ->
        !rows.isEmpty() && rows.get(0).getBoolean("open")
            ? error(503, "not-saved", "This answer was not saved yet. It will be sent again.")
            : error(409, "attempt-closed", "Time is up for this attempt: this answer arrived after the deadline "
                + "and was not saved. Everything saved before the deadline counts."));
  }

  /** Remaining time by the database clock; finalises the attempt first if its time has run out. */
  public Future<JsonObject> time(long studentId, long attemptId) {
    return current(studentId, attemptId).map(row -> new JsonObject().put("status", row.getString("status"))
        .put("remainingMs", row.getLong("remaining_ms")));
  }

  /** The attempt as its student may see it, finalised first when its deadline and grace have passed. */
  public Future<Row> current(long studentId, long attemptId) {
    Map<String, Object> parameters = Map.of("attemptId", attemptId, "studentId", studentId, "grace", graceSeconds);
    return query(pool, QuizSql.ATTEMPT_FOR_STUDENT, parameters).compose(rows -> {
      if (rows.isEmpty()) {
        return Future.failedFuture(new NotFound());
      }
      Row row = rows.get(0);
      if ("in_progress".equals(row.getString("status")) && row.getBoolean("expired")) {
        return finalise(attemptId)
            .compose(v -> query(pool, QuizSql.ATTEMPT_FOR_STUDENT, parameters))
            .map(again -> again.get(0));
      }
      return Future.succeededFuture(row);
    });
  }

  /**
   * The attempt page's rows ({@link QuizSql#ATTEMPT_PAGE}) in one statement that checks the session itself.
   * The versions drawn also tell this node how to check the attempt's answers, so its first autosave needs no
   * read of its own when the node holds those questions already.
   */
  Future<Page> page(Sessions.Proof proof, long attemptId) {
    Map<String, Object> parameters = new HashMap<>();
    proof.addTo(parameters);
    parameters.put("attemptId", attemptId);
    parameters.put("grace", graceSeconds);
    return attemptPage.execute(parameters).compose(rows -> {
      List<Row> list = new ArrayList<>();
      rows.forEach(list::add);
      rememberShapes(attemptId, list);
      List<Long> unknown = list.stream().filter(row -> row.getLong("question_id") != null)
          .filter(row -> shown.at(row.getLong("question_id"), row.getOffsetDateTime("updated_at")).isEmpty())
          .map(row -> row.getLong("question_id")).toList();
      Future<Void> read = unknown.isEmpty() ? Future.succeededFuture()
          : query(pipelined, QuizSql.QUESTIONS_SHOWN, Map.of("ids", unknown.toArray(new Long[0]))).map(questions -> {
            questions.forEach(shown::read);
            return null;
          });
      return read.map(v -> {
        List<Page.Item> items = new ArrayList<>();
        for (Row row : list) {
          Long questionId = row.getLong("question_id");
          Optional<ShownQuestions.Shown> question = questionId == null ? Optional.empty() : shown.latest(questionId);
          question.ifPresent(found -> items.add(new Page.Item(found, row)));
        }
        return new Page(list.get(0), List.copyOf(items));
      });
    });
  }

  /**
   * An attempt page: who asks and the attempt ({@code asker}, the first row of {@link QuizSql#ATTEMPT_PAGE}),
   * and by position each question as students see it with this attempt's row for it.
   */
  record Page(Row asker, List<Item> items) {
    record Item(ShownQuestions.Shown question, Row row) {}
  }

  /** Keeps an attempt's questions by position, if this node holds every one of them at the version drawn. */
  private void rememberShapes(long attemptId, List<Row> page) {
    AnswerShapes.Shape[] byPosition = new AnswerShapes.Shape[page.size()];
    for (Row row : page) {
      Long questionId = row.getLong("question_id");
      if (questionId == null) {
        return;
      }
      OffsetDateTime version = row.getOffsetDateTime("updated_at");
      Optional<AnswerShapes.Shape> held = shapes.at(questionId, version);
      if (held.isEmpty()) {
        return;
      }
      byPosition[row.getInteger("position") - 1] = held.get();
    }
    if (byPosition.length > 0) {
      shapes.putAttempt(attemptId, byPosition);
    }
  }

  /** The attempt's questions with their keys, the saved answers and their points: for review after submission. */
  public Future<List<Row>> questionsWithKeys(long attemptId) {
    return query(pool, QuizSql.QUESTIONS_WITH_RESPONSES, Map.of("attemptId", attemptId));
  }

  /**
   * Submits the student's attempt, in one transaction, and says the attempt's status: {@code submitted}, or
   * {@code auto_submitted} once its deadline has passed. Submitting twice is harmless.
   */
  public Future<String> submit(long studentId, long attemptId) {
    return pool.withTransaction(connection -> query(connection, QuizSql.LOCK_STUDENTS_ATTEMPT,
        Map.of("attemptId", attemptId, "studentId", studentId)).compose(locked -> {
          if (locked.isEmpty()) {
            return Future.failedFuture(new NotFound());
          }
          String status = locked.get(0).getString("status");
          return "in_progress".equals(status) ? scoreAndClose(connection, attemptId) : Future.succeededFuture(status);
        }));
  }

  /** Scores and closes an attempt in one transaction, unless it is closed already. */
  public Future<Void> finalise(long attemptId) {
    return pool.withTransaction(connection -> finalise(connection, attemptId));
  }

  private Future<Void> finalise(SqlConnection connection, long attemptId) {
    return query(connection, QuizSql.LOCK_ATTEMPT, Map.of("attemptId", attemptId)).compose(locked ->
        locked.isEmpty() || !"in_progress".equals(locked.get(0).getString("status")) ? Future.succeededFuture()
            : scoreAndClose(connection, attemptId).mapEmpty());
  }

  /**
   * Closes a locked attempt in progress with the points its saves stored, or, when a question changed since
   * or the quiz corrects a key, scores every answer afresh; its status afterwards.
   */
  private Future<String> scoreAndClose(SqlConnection connection, long attemptId) {
    return query(connection, QuizSql.CLOSE_WITH_SAVED_POINTS, Map.of("attemptId", attemptId)).compose(closed ->
        closed.isEmpty() ? scoreAfreshAndClose(connection, attemptId)
            : Future.succeededFuture(closed.get(0).getString("status")));
  }

  private Future<String> scoreAfreshAndClose(SqlConnection connection, long attemptId) {
    return query(connection, QuizSql.QUESTIONS_WITH_RESPONSES, Map.of("attemptId", attemptId)).compose(rows -> {
      BigDecimal score = BigDecimal.ZERO;
      BigDecimal max = BigDecimal.ZERO;
      List<Long> questionIds = new ArrayList<>();
      List<String> points = new ArrayList<>();
      List<String> outcomes = new ArrayList<>();
      for (Row row : rows) {
        Question question = QuestionRows.question(row);
        JsonObject answer = row.getJsonObject("answer");
        Score result = Scorer.score(question, stored(question, answer));
        score = score.add(result.points());
        max = max.add(question.points());
        if (answer != null) {
          questionIds.add(row.getLong("question_id"));
          points.add(result.points().toPlainString());
          outcomes.add(result.outcome().stored());
        }
      }
      return query(connection, QuizSql.SCORE_AND_CLOSE_ATTEMPT, Map.of("attemptId", attemptId,
          "questionIds", questionIds.toArray(new Long[0]), "points", points.toArray(new String[0]),
          "outcomes", outcomes.toArray(new String[0]), "score", score, "maxScore", max))
          .map(closed -> closed.get(0).getString("status"));
    });
  }

  /** A stored answer as a response; one that no longer fits an edited question counts as unanswered. */
  public static Response stored(Question question, JsonObject answer) {
    if (answer == null) {
      return new Response.None();
    }
    try {
      return ResponseJson.parse(question, answer);
    } catch (InvalidResponseException e) {
      return new Response.None();
    }
  }

  /** Finalises every attempt whose deadline and grace have passed; safe to run on every node at once. */
  public Future<Integer> sweep() {
    return query(pool, QuizSql.EXPIRED_ATTEMPTS, Map.of("grace", graceSeconds)).compose(rows -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Row row : rows) {
        long id = row.getLong("id");
        chain = chain.compose(done -> finalise(id).map(done + 1));
      }
      return chain;
    });
  }

  private static Saved error(int status, String code, String message) {
    return new Saved(status, new JsonObject().put("error", code).put("message", message));
  }

  static Future<List<Row>> query(SqlClient client, String sql, Map<String, Object> parameters) {
    return SqlTemplate.forQuery(client, sql).execute(parameters).map(rows -> {
      List<Row> list = new ArrayList<>();
      rows.forEach(list::add);
      return list;
    });
  }

  /** Nothing of that id belongs to the one asking: answered as 404, never as "exists but not yours". */
  public static final class NotFound extends RuntimeException {
    public NotFound() {
      super("not found", null, false, false);
    }
  }
}
