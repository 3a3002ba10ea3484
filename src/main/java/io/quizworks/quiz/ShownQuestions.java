package io.quizworks.quiz;

import io.quizworks.web.EscapedText;
import io.quizworks.web.Fragment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What a student sees of each question (type, prompt, points, choice and match texts; never its key), kept on
 * this node with the {@code updated_at} it was read at, so that an attempt page reads from PostgreSQL only the
 * attempt's own rows and parses no question's JSON: in an exam's first minute every student's page shows the
 * same few questions. One instance serves all of a node's event loops ({@link Attempts#onNode}); it is
 * bounded, and when full it starts again empty, which costs a read. With each question it keeps, up to a bound for
 * the node, the question's section of the page as rendered before it is answered, for each order of its choices
 * and matches that a page has shown.
 */
final class ShownQuestions implements Shareable {
  private static final int MOST_QUESTIONS = 20_000;
  /** About 2 KB each: at most some 20 MB of rendered sections on a node. */
  private static final int MOST_SECTIONS = 10_000;

  /**
   * One question as the attempt page shows it, read from the columns a student may see, its texts escaped for
   * the page once: the match texts also as they are, which saved answers hold.
   */
  record Shown(OffsetDateTime version, String type, EscapedText prompt, boolean selectAllHint, String points,
      Map<String, EscapedText> choiceTexts, List<String> matches, List<EscapedText> matchTexts,
      UnansweredSections unanswered) {
    private static Shown of(Row row, AtomicInteger sectionsHeld) {
      JsonObject content = row.getJsonObject("content");
      Map<String, EscapedText> texts = new HashMap<>();
      content.getJsonArray("choices", new JsonArray()).forEach(choice -> texts.put(
          ((JsonObject) choice).getString("label"), EscapedText.of(((JsonObject) choice).getString("text"))));
      List<String> matches = new ArrayList<>();
      content.getJsonArray("matches", new JsonArray()).forEach(match -> matches.add((String) match));
      String type = row.getString("type");
      String prompt = row.getString("prompt");
      return new Shown(row.getOffsetDateTime("updated_at"), type, EscapedText.of(prompt),
          type.equals("multiple_response") && !prompt.toLowerCase(Locale.ROOT).contains("select all"),
          row.getBigDecimal("points").stripTrailingZeros().toPlainString(), Map.copyOf(texts), List.copyOf(matches),
          matches.stream().map(EscapedText::of).toList(), new UnansweredSections(sectionsHeld));
    }
  }

  /**
   * One question version's section as the page shows it unanswered and unflagged, by the order of its choices and
   * matches (two lists: labels, match indexes): rendered the first time a page needs it, kept while the node holds
   * fewer than its bound.
   */
  static final class UnansweredSections {
    private final Map<List<Object>, Fragment> byOrder = new ConcurrentHashMap<>();
    private final AtomicInteger nodeHeld;

    private UnansweredSections(AtomicInteger nodeHeld) {
      this.nodeHeld = nodeHeld;
    }

    Fragment in(List<Object> order, Supplier<Fragment> render) {
      Fragment held = byOrder.get(order);
      if (held != null) {
        return held;
      }
      Fragment rendered = render.get();
      if (nodeHeld.incrementAndGet() > MOST_SECTIONS || byOrder.putIfAbsent(order, rendered) != null) {
        nodeHeld.decrementAndGet();
      }
      return rendered;
    }

    private int size() {
      return byOrder.size();
    }
  }

  private final Map<Long, Shown> byId = new ConcurrentHashMap<>();
  private final AtomicInteger sectionsHeld = new AtomicInteger();

  /** The question as this node last read it, if that was at this version. */
  Optional<Shown> at(long questionId, OffsetDateTime version) {
    return Optional.ofNullable(byId.get(questionId)).filter(shown -> shown.version().isEqual(version));
  }

  /** Whatever version of the question this node read last. */
  Optional<Shown> latest(long questionId) {
    return Optional.ofNullable(byId.get(questionId));
  }

  /** Keeps a question as read from {@link QuizSql#QUESTIONS_SHOWN}, in place of any version read before. */
  void read(Row question) {
    if (byId.size() >= MOST_QUESTIONS) {
      byId.clear();
      sectionsHeld.set(0);
    }
    Shown replaced = byId.put(question.getLong("id"), Shown.of(question, sectionsHeld));
    if (replaced != null) {
      sectionsHeld.addAndGet(-replaced.unanswered().size());
    }
  }
}
