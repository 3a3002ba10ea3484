package io.quizworks.support;

/** Statements that give a hand-made attempt its draw, for fixtures that write attempts without the server. */
public final class Draws {
  private Draws() {}

  /**
   * Adds the question with the given ref at the attempt's next position, choices and matches in bank order.
   * Refs in fixtures are plain identifiers, so they are written into the statement as they are.
   */
  public static String appendQuestion(long attemptId, String ref) {
    return "update attempt a set question_ids = a.question_ids || q.id, choice_orders = a.choice_orders || "
        + "jsonb_build_array(coalesce((select jsonb_agg(c -> 'label') "
        + "from jsonb_array_elements(q.content -> 'choices') c), '[]')), "
        + "match_orders = a.match_orders || jsonb_build_array(coalesce((select jsonb_agg(n - 1) "
        + "from jsonb_array_elements(q.content -> 'matches') with ordinality as m(v, n)), '[]')) "
        + "from question q where a.id = " + attemptId + " and q.ref = '" + ref + "'";
  }
}
