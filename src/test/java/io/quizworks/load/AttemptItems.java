package io.quizworks.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a student sees on the attempt page, read the way the page's own script reads it: each question's
 * position and type, its choice labels and, for matching, the options offered. Enough to give an answer of
 * the right shape to every question, as a student clicking through would.
 */
final class AttemptItems {
  private static final Pattern SECTION =
      Pattern.compile("<section class=\"question\" id=\"q-\\d+\" data-position=\"(\\d+)\" data-type=\"([a-z_]+)\"");
  private static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");
  private static final Pattern DATA_LABEL = Pattern.compile("data-label=\"([^\"]+)\"");
  private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"");
  private static final Pattern CHOICE = Pattern.compile("name=\"q-\\d+\" value=\"([^\"]+)\"");

  private AttemptItems() {}

  /** One question on the page. */
  record Item(int position, String type, List<String> labels, List<String> matches) {
    /** An answer a student might give: the choices picked at random, but always a complete, valid answer. */
    JsonObject answer(Random random) {
      return switch (type) {
        case "single_choice" -> new JsonObject().put("choice", pick(random));
        case "multiple_response" -> new JsonObject().put("choices", new JsonArray().add(pick(random)));
        case "true_false" -> new JsonObject().put("value", random.nextBoolean());
        case "short_answer" -> new JsonObject().put("text", "answer " + random.nextInt(1000));
        case "numeric" -> new JsonObject().put("number", String.valueOf(random.nextInt(1000)));
        case "ordering" -> {
          List<String> order = new ArrayList<>(labels);
          Collections.shuffle(order, random);
          yield new JsonObject().put("order", new JsonArray(order));
        }
        case "matching" -> {
          JsonObject pairs = new JsonObject();
          labels.forEach(label -> pairs.put(label, matches.get(random.nextInt(matches.size()))));
          yield new JsonObject().put("pairs", pairs);
        }
        default -> throw new IllegalStateException("a question type the generator does not know: " + type);
      };
    }

    private String pick(Random random) {
      return labels.get(random.nextInt(labels.size()));
    }
  }

  /** What the generator needs from one attempt page. */
  record Page(String csrf, List<Item> items) {}

  /** Reads the attempt page from its body as the server sent it (UTF-8). */
  static Page read(Buffer body) {
    String bytes = body.toString(StandardCharsets.ISO_8859_1);
    Matcher csrf = CSRF.matcher(bytes);
    if (!csrf.find()) {
      throw new IllegalArgumentException("the attempt page carries no data-csrf token");
    }
    return new Page(utf8(csrf.group(1)), items(bytes));
  }

  private static List<Item> items(String bytes) {
    List<MatchResult> heads = SECTION.matcher(bytes).results().toList();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < heads.size(); i++) {
      MatchResult head = heads.get(i);
      int end = i + 1 < heads.size() ? heads.get(i + 1).start() : bytes.length();
      items.add(item(Integer.parseInt(head.group(1)), head.group(2), bytes.substring(head.end(), end)));
    }
    return items;
  }

  private static Item item(int position, String type, String body) {
    List<String> labels = new ArrayList<>();
    List<String> matches = new ArrayList<>();
    if (type.equals("ordering") || type.equals("matching")) {
      labels.addAll(all(DATA_LABEL, body));
      if (type.equals("matching")) {
        matches.addAll(all(OPTION, body));
      }
    } else if (type.equals("single_choice") || type.equals("multiple_response")) {
      labels.addAll(all(CHOICE, body));
    }
    return new Item(position, type, labels, matches);
  }

  /** Attribute text as the browser reads it: FreeMarker's HTML escaping undone. */
  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** A value found in the page's bytes-as-chars, as the text it encodes. */
  private static String utf8(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(unescape(utf8(matcher.group(1))));
    }
    return found;
  }
}
