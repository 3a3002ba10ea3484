package io.quizworks.gradebook;

import io.quizworks.gradebook.stats.ChoiceStatistics;
import io.quizworks.gradebook.stats.Flag;
import io.quizworks.gradebook.stats.ItemAnalysis;
import io.quizworks.gradebook.stats.ItemStatistics;
import io.quizworks.gradebook.stats.QuizStatistics;
import io.quizworks.gradebook.stats.Statistic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The item analysis as a CSV: one row per question, then the quiz's figures as labelled rows. Small (one
 * row per question), so it is written whole rather than streamed. Pure.
 */
final class ItemAnalysisCsv {
  static final List<String> HEADER = List.of("Question", "Prompt", "Students", "Facility", "Standard deviation",
      "Discrimination", "Choices picked", "Needs a look");

  private ItemAnalysisCsv() {}

  static String write(ItemAnalysis analysis, Map<String, String> prompts, SpreadsheetFormat format) {
    StringBuilder csv = new StringBuilder(format.start()).append(format.line(HEADER));
    for (ItemStatistics item : analysis.items()) {
      csv.append(new Cells(format).text(item.itemId()).text(prompts.getOrDefault(item.itemId(), ""))
          .whole((long) item.n()).number(value(item.facility())).number(value(item.standardDeviation()))
          .number(value(item.discrimination())).text(choices(item.choices()))
          .text(item.flags().stream().map(Flag::reason).collect(Collectors.joining(" "))).line());
    }
    QuizStatistics quiz = analysis.quiz();
    csv.append(format.line(List.of()));
    summary(csv, format, "Students", BigDecimal.valueOf(quiz.students()));
    summary(csv, format, "Mean (share of points)", value(quiz.mean()));
    summary(csv, format, "Median (share of points)", value(quiz.median()));
    summary(csv, format, "Standard deviation", value(quiz.standardDeviation()));
    summary(csv, format, "Cronbach's alpha", value(quiz.cronbachAlpha()));
    summary(csv, format, "KR-20", value(quiz.kr20()));
    summary(csv, format, "Standard error of measurement", value(quiz.standardErrorOfMeasurement()));
    return csv.toString();
  }

  private static void summary(StringBuilder csv, SpreadsheetFormat format, String label, BigDecimal value) {
    csv.append(new Cells(format).text(label).number(value).line());
  }

  private static String choices(List<ChoiceStatistics> choices) {
    return choices.stream()
        .map(c -> c.label() + (c.correct() ? " (correct)" : "") + ": " + c.count())
        .collect(Collectors.joining("; "));
  }

  /** Four decimals, or blank when the figure is not defined for this data. */
  private static BigDecimal value(Statistic statistic) {
    return statistic.isPresent() ? BigDecimal.valueOf(statistic.getAsDouble()).setScale(4, RoundingMode.HALF_UP) : null;
  }
}
