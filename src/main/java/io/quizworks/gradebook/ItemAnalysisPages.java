package io.quizworks.gradebook;

import io.quizworks.gradebook.stats.ChoiceStatistics;
import io.quizworks.gradebook.stats.Flag;
import io.quizworks.gradebook.stats.ItemAnalysis;
import io.quizworks.gradebook.stats.ItemStatistics;
import io.quizworks.gradebook.stats.QuizStatistics;
import io.quizworks.gradebook.stats.Statistic;
import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.quizworks.web.Views;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The item analysis of a quiz: how each question performed, and the quiz's reliability. */
public final class ItemAnalysisPages {
  private final Results results;
  private final Templates templates;
  private final Views views;

  public ItemAnalysisPages(Results results, Templates templates, Views views) {
    this.results = results;
    this.templates = templates;
    this.views = views;
  }

  public void mount(Router router) {
    router.get("/quizzes/:quizId/analysis").handler(Guards.teacher())
        .handler(ctx -> analyse(ctx, (quiz, analysis, prompts) -> page(ctx, quiz, analysis, prompts)));
    router.get("/quizzes/:quizId/analysis.csv").handler(Guards.teacher()).handler(this::csv);
  }

  private interface Analysed {
    void accept(Row quiz, ItemAnalysis analysis, Map<String, String> prompts);
  }

  private void analyse(RoutingContext ctx, Analysed then) {
    long quizId = Forms.pathId(ctx, "quizId");
    results.quiz(Principal.required(ctx).id(), quizId).onSuccess(quiz -> {
      if (quiz.isEmpty()) {
        Guards.denied(ctx, "item analysis of quiz " + quizId);
        return;
      }
      results.analysisRows(quizId).onSuccess(rows -> {
        Map<String, String> prompts = new LinkedHashMap<>();
        rows.forEach(row -> prompts.putIfAbsent(row.getString("ref"), row.getString("prompt")));
        then.accept(quiz.get(), ItemAnalysis.of(ItemAnalysisData.matrix(rows)), prompts);
      }).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private void page(RoutingContext ctx, Row quiz, ItemAnalysis analysis, Map<String, String> prompts) {
    Map<String, Object> data = new HashMap<>();
    data.put("quiz", views.row(quiz));
    data.put("summary", summary(analysis.quiz()));
    data.put("items", analysis.items().stream().map(item -> item(item, prompts.get(item.itemId()))).toList());
    templates.respond(ctx, "analysis", data);
  }

  private void csv(RoutingContext ctx) {
    Optional<SpreadsheetFormat> format = SpreadsheetFormat.named(ctx.request().getParam("format"));
    if (format.isEmpty()) {
      ctx.fail(400);
      return;
    }
    analyse(ctx, (quiz, analysis, prompts) -> ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", FileNames.contentDisposition(LocalDate.now(views.zone()),
            quiz.getString("class_name"), quiz.getString("title"), "item-analysis"))
        .putHeader("Cache-Control", "no-store")
        .end(ItemAnalysisCsv.write(analysis, prompts, format.get())));
  }

  private static Map<String, Object> summary(QuizStatistics quiz) {
    Map<String, Object> view = new HashMap<>();
    view.put("students", quiz.students());
    view.put("mean", percent(quiz.mean()));
    view.put("median", percent(quiz.median()));
    view.put("sd", percent(quiz.standardDeviation()));
    view.put("alpha", decimal(quiz.cronbachAlpha()));
    view.put("kr20", decimal(quiz.kr20()));
    view.put("sem", percent(quiz.standardErrorOfMeasurement()));
    view.put("completeCases", quiz.completeCases());
    view.put("reliabilityItems", quiz.reliabilityItemIds().size());
    return view;
  }

  private static Map<String, Object> item(ItemStatistics item, String prompt) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", item.itemId());
    view.put("prompt", prompt == null ? "" : prompt);
    view.put("n", item.n());
    view.put("facility", decimal(item.facility()));
    view.put("sd", decimal(item.standardDeviation()));
    view.put("discrimination", decimal(item.discrimination()));
    List<Map<String, Object>> choices = new ArrayList<>();
    for (ChoiceStatistics choice : item.choices()) {
      choices.add(Map.of("label", choice.label(), "correct", choice.correct(), "count", choice.count(),
          "share", percent(choice.share())));
    }
    view.put("choices", choices);
    view.put("flags", item.flags().stream().map(Flag::reason).toList());
    return view;
  }

  /** A statistic to two decimals, or the reason it has no value. */
  static String decimal(Statistic statistic) {
    return statistic.isPresent() ? String.format(Locale.ROOT, "%.2f", statistic.getAsDouble())
        : "— (" + statistic.reason().orElse("not defined") + ")";
  }

  /** A proportion shown as a percent with one decimal. */
  static String percent(Statistic statistic) {
    return statistic.isPresent() ? String.format(Locale.ROOT, "%.1f%%", statistic.getAsDouble() * 100)
        : "— (" + statistic.reason().orElse("not defined") + ")";
  }
}
