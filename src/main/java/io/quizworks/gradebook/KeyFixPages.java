package io.quizworks.gradebook;

import io.quizworks.bank.CsvColumns;
import io.quizworks.bank.KeyCorrection;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionType;
import io.quizworks.bank.QuestionView;
import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pages to correct a question's key for a quiz: type the key, preview what changes, confirm. */
public final class KeyFixPages {
  private final KeyFixes fixes;
  private final Templates templates;

  public KeyFixPages(KeyFixes fixes, Templates templates) {
    this.fixes = fixes;
    this.templates = templates;
  }

  public void mount(Router router) {
    String path = "/quizzes/:quizId/questions/:questionId/key";
    router.get(path).handler(Guards.teacher()).handler(ctx -> withQuestion(ctx, this::form));
    router.post(path + "/preview").handler(Guards.teacher()).handler(ctx -> withQuestion(ctx, this::preview));
    router.post(path).handler(Guards.teacher()).handler(ctx -> withQuestion(ctx, this::apply));
  }

  /**
   * One left-hand item of a matching question and the right-hand item chosen for it: a select on the form, a
   * hidden field on the preview.
   */
  public record MatchField(String name, String label, String text, String chosen) {}

  private interface QuestionHandler {
    void handle(RoutingContext ctx, long quizId, long questionId, Question question);
  }

  private void withQuestion(RoutingContext ctx, QuestionHandler handler) {
    long quizId = Forms.pathId(ctx, "quizId");
    long questionId = Forms.pathId(ctx, "questionId");
    fixes.question(Principal.required(ctx).id(), quizId, questionId).onSuccess(found -> {
      if (found.isEmpty()) {
        Guards.denied(ctx, "key of question " + questionId + " in quiz " + quizId);
        return;
      }
      handler.handle(ctx, quizId, questionId, found.get());
    }).onFailure(ctx::fail);
  }

  private void form(RoutingContext ctx, long quizId, long questionId, Question question) {
    respondForm(ctx, 200, quizId, questionId, question, KeyCorrection.answerCell(question),
        KeyCorrection.toleranceCell(question), matchFields(question, KeyCorrection.pairs(question)), "", List.of());
  }

  private void respondForm(RoutingContext ctx, int status, long quizId, long questionId, Question question,
      String answer, String tolerance, List<MatchField> matches, String reason, List<String> errors) {
    Map<String, Object> data = new HashMap<>();
    data.put("quizId", String.valueOf(quizId));
    data.put("questionId", String.valueOf(questionId));
    data.put("question", QuestionView.of(question));
    data.put("numeric", question.type() == QuestionType.NUMERIC);
    data.put("matching", !KeyCorrection.typedAsOneCell(question.type()));
    data.put("matches", matches);
    data.put("rightHandItems", KeyCorrection.rightHandItems(question));
    data.put("answer", answer);
    data.put("tolerance", tolerance);
    data.put("reason", reason);
    data.put("errors", errors);
    templates.respond(ctx, status, "key-fix", data);
  }

  /** The form's fields for a matching question's pairs, {@code chosen} by left-hand label; none for other types. */
  private static List<MatchField> matchFields(Question question, Map<String, String> chosen) {
    if (KeyCorrection.typedAsOneCell(question.type())) {
      return List.of();
    }
    return question.choices().stream().map(left -> new MatchField(CsvColumns.match(left.label()), left.label(),
        left.text(), chosen.getOrDefault(left.label(), ""))).toList();
  }

  private static Map<String, String> chosenMatches(RoutingContext ctx, Question question) {
    Map<String, String> chosen = new HashMap<>();
    question.choices().forEach(left -> chosen.put(left.label(), Forms.field(ctx, CsvColumns.match(left.label()))));
    return chosen;
  }

  private void preview(RoutingContext ctx, long quizId, long questionId, Question question) {
    corrected(ctx, quizId, questionId, question).ifPresent(corrected ->
        fixes.preview(quizId, questionId, corrected).onSuccess(changes -> templates.respond(ctx, "key-fix-preview",
            Map.of("quizId", String.valueOf(quizId), "questionId", String.valueOf(questionId),
                "question", QuestionView.of(question), "corrected", QuestionView.of(corrected), "changes", changes,
                "answer", Forms.field(ctx, "answer"), "tolerance", Forms.field(ctx, "tolerance"),
                "matches", matchFields(corrected, KeyCorrection.pairs(corrected)),
                "reason", Forms.field(ctx, "reason"))))
            .onFailure(ctx::fail));
  }

  private void apply(RoutingContext ctx, long quizId, long questionId, Question question) {
    corrected(ctx, quizId, questionId, question).ifPresent(corrected ->
        fixes.apply(Principal.required(ctx).id(), quizId, questionId, corrected,
                "Key corrected: " + Forms.field(ctx, "reason"))
            .onSuccess(changes -> Forms.seeOther(ctx, "/quizzes/" + quizId + "/results?rescored="
                + changes.stream().filter(c -> !c.keptOverride()).count()))
            .onFailure(ctx::fail));
  }

  /** The typed key, or the form again with what is wrong with it (then empty). */
  private Optional<Question> corrected(RoutingContext ctx, long quizId, long questionId, Question question) {
    String answer = Forms.field(ctx, "answer");
    String tolerance = Forms.field(ctx, "tolerance");
    String reason = Forms.field(ctx, "reason");
    Map<String, String> matches = chosenMatches(ctx, question);
    KeyCorrection.Result result = KeyCorrection.typedAsOneCell(question.type())
        ? KeyCorrection.withAnswer(question, answer, tolerance)
        : KeyCorrection.withMatches(question, matches);
    List<String> errors = new ArrayList<>(result.errors());
    if (reason.isEmpty() || reason.length() > 300) {
      errors.add("Say why the key changes (up to 300 characters): it is kept in the score history.");
    }
    if (!errors.isEmpty()) {
      respondForm(ctx, 400, quizId, questionId, question, answer, tolerance, matchFields(question, matches), reason,
          errors);
      return Optional.empty();
    }
    return result.question();
  }
}
