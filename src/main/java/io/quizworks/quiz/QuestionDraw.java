package io.quizworks.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Draws an attempt's questions and the order of their choices from a seed. Pure and deterministic: the
 * same candidates, settings and seed always give the same draw, which is what lets a stored seed explain
 * (and a test repeat) what a student was shown.
 */
public final class QuestionDraw {
  private QuestionDraw() {}

  /** A question that may be drawn; {@code order} is its place in its bank, used when nothing is shuffled. */
  public record Candidate(long questionId, String topic, int order, String type, List<String> choiceLabels,
      int matchCount) {}

  /** What the quiz asks for: a number of questions, or a fixed number from each topic. */
  public record Rules(int questionCount, Integer perTopicCount, boolean shuffleQuestions, boolean shuffleChoices) {}

  /** One drawn question: its choices' display order (labels) and its right-hand matches' order (indexes). */
  public record Drawn(long questionId, List<String> choiceOrder, List<Integer> matchOrder) {}

  public static List<Drawn> draw(List<Candidate> candidates, Rules rules, long seed) {
    Random random = new Random(seed);
    List<Candidate> pool = new ArrayList<>(candidates);
    pool.sort(Comparator.comparingLong(Candidate::questionId));
    List<Candidate> chosen = new ArrayList<>();
    if (rules.perTopicCount() != null) {
      Map<String, List<Candidate>> byTopic = new LinkedHashMap<>();
      pool.stream().sorted(Comparator.comparing(Candidate::topic).thenComparingLong(Candidate::questionId))
          .forEach(c -> byTopic.computeIfAbsent(c.topic(), t -> new ArrayList<>()).add(c));
      for (List<Candidate> topic : byTopic.values()) {
        Collections.shuffle(topic, random);
        chosen.addAll(topic.subList(0, Math.min(rules.perTopicCount(), topic.size())));
      }
    } else {
      Collections.shuffle(pool, random);
      chosen.addAll(pool.subList(0, Math.min(rules.questionCount(), pool.size())));
    }
    if (rules.shuffleQuestions()) {
      Collections.shuffle(chosen, random);
    } else {
      chosen.sort(Comparator.comparingInt(Candidate::order));
    }
    List<Drawn> drawn = new ArrayList<>();
    for (Candidate candidate : chosen) {
      drawn.add(new Drawn(candidate.questionId(), choiceOrder(candidate, rules, random), matchOrder(candidate, random)));
    }
    return drawn;
  }

  /**
   * Items to put in order are always shuffled: shown in the author's order they would often give the
   * answer away. Other choices follow the quiz's setting.
   */
  private static List<String> choiceOrder(Candidate candidate, Rules rules, Random random) {
    List<String> labels = new ArrayList<>(candidate.choiceLabels());
    if (rules.shuffleChoices() || "ordering".equals(candidate.type())) {
      Collections.shuffle(labels, random);
    }
    return labels;
  }

  /** Right-hand matches are always shuffled: the author's order is the key. */
  private static List<Integer> matchOrder(Candidate candidate, Random random) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, candidate.matchCount()).boxed().toList());
    Collections.shuffle(order, random);
    return order;
  }
}
