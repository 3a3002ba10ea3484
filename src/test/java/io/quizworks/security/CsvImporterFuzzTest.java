package io.quizworks.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.bank.BankImporter;
import io.quizworks.bank.ImportResult;
import io.quizworks.bank.ParsedBank;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionCsvReader;
import io.quizworks.bank.RowError;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.DatabaseBootstrap;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seeded fuzz test of the bank CSV importer. {@value #CASES} files are generated from {@link #SEED} (override
 * with {@code -Dfuzz.seed=…}; a failure names the seed and the case, which is enough to replay it): clean banks
 * of every question type, then the same with cells swapped for awkward values (quotes, separators, line
 * breaks, BOMs, control characters, formulas, numbers out of range, cells over the length limit), cells added
 * or dropped, and whole-file damage (random bytes, invalid UTF-8, NULs, truncation, stray quotes). The reader
 * must always answer with a result — never throw — holding either questions or problems, never both and never
 * neither, with a bounded list of problems. A sample of {@value #IMPORTS} files, half accepted and half
 * rejected, goes through {@link BankImporter#importCsv} into a real PostgreSQL: a rejected file writes nothing,
 * an accepted one writes exactly its questions, never part of a bank.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Fuzzing the bank CSV importer: thousands of seeded files, never a crash, never a partial bank")
class CsvImporterFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 0x5EC0_2026_1125L);
  static final int CASES = 5_000;
  static final int IMPORTS = 100;
  /** The reader lists at most 200 problems and one line saying it stopped there. */
  static final int MAX_LISTED = 201;

  private static final List<String> COLUMNS = List.of("id", "type", "topic", "difficulty", "points", "prompt",
      "choice_a", "choice_b", "choice_c", "match_a", "match_b", "match_c", "answer", "tolerance", "feedback",
      "feedback_a", "feedback_b", "source", "notes");
  private static final List<String> TYPES = List.of("single_choice", "multiple_response", "true_false",
      "short_answer", "numeric", "ordering", "matching");
  private static final List<String> AWKWARD = List.of("", " ", "\"", "\"\"", "\"\"\"", ",", ";", "\n", "\r\n", "\r",
      "\t", "é", "日本語", "😀", "\u0001", "\u007f", "\u200b", "\uFEFF", "\u2028", "=1+1", "'=1", "'", "-", "+", "@",
      "NaN", "Infinity", "1e3", "1e309", "-1", "0", "0.001", "0.005", "1000", "1000.01", "1.500", "2,5",
      "999999999999999999999999999999", "  B  ", "b", "A;A", "A;Z", "A;B;C;D;E;F;G;H;I", "true|false", "|", "||",
      "TRUE", "yes", "SINGLE CHOICE", "multiple-response", "Matching ", "easy", "HARD", "x".repeat(10_000),
      "x".repeat(10_001), "y".repeat(20_000), "a\"b", "\"quoted\" tail", "line\nbreak", "<script>alert(1)</script>",
      "id", "type", "choice_h", "match_h", "feedback_h");

  private static TestDatabase database;
  private static Pool pool;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.create();
    new DatabaseBootstrap(database.options()).prepare();
    pool = Quizworks.pool(vertx, database.options());
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    database.close();
  }

  /** One generated file and how it was made, for a failure message. */
  record Case(int number, String recipe, byte[] bytes) {
    String describe() {
      String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8)
          .replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
      return "seed " + SEED + " case " + number + " (" + recipe + ", " + bytes.length + " bytes): " + text;
    }
  }

  /** The cells of a clean question of a type, by column name; an unused column is empty. */
  private static Map<String, String> cleanRow(Random random, String type, String id) {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("id", id);
    cells.put("type", random.nextInt(4) == 0 ? type.toUpperCase().replace('_', ' ') : type);
    cells.put("topic", pick(random, List.of("Safety", "Tools", "Roles, jobs", "Ünïcode 😀")));
    cells.put("difficulty", pick(random, List.of("easy", "medium", "hard", "Hard")));
    cells.put("points", pick(random, List.of("1", "2.5", "0.25", "1000", "3")));
    cells.put("prompt", pick(random, List.of("Which one?", "A \"quoted\" prompt, with a comma", "Line one\nline two",
        "=SUM(A1) as text", "Ω prompt")));
    switch (type) {
      case "single_choice" -> {
        cells.put("choice_a", "Red");
        cells.put("choice_b", "Green");
        cells.put("choice_c", "Blue; dark");
        cells.put("answer", pick(random, List.of("A", "b", "C")));
        cells.put("feedback_a", "Red is right.");
      }
      case "multiple_response" -> {
        cells.put("choice_a", "One");
        cells.put("choice_b", "Two");
        cells.put("choice_c", "Three");
        cells.put("answer", pick(random, List.of("A;C", "A, B", "A B C")));
      }
      case "true_false" -> cells.put("answer", pick(random, List.of("true", "FALSE")));
      case "short_answer" -> cells.put("answer", pick(random, List.of("hammer|wrench", "data analyst")));
      case "numeric" -> {
        cells.put("answer", pick(random, List.of("2.5", "-3", "42")));
        cells.put("tolerance", pick(random, List.of("", "0", "0.5")));
      }
      case "ordering" -> {
        cells.put("choice_a", "First");
        cells.put("choice_b", "Second");
        cells.put("choice_c", "Third");
        cells.put("answer", "A;B;C");
      }
      case "matching" -> {
        cells.put("choice_a", "Left one");
        cells.put("choice_b", "Left two");
        cells.put("match_a", "Right one");
        cells.put("match_b", "Right two");
      }
      default -> throw new IllegalArgumentException(type);
    }
    if (random.nextBoolean()) {
      cells.put("feedback", "Because.");
    }
    if (random.nextBoolean()) {
      cells.put("source", "Section " + random.nextInt(9));
    }
    return cells;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String cell(Random random, String value, char delimiter) {
    boolean needsQuotes = value.indexOf(delimiter) >= 0 || value.contains("\"") || value.contains("\n")
        || value.contains("\r");
    return needsQuotes || random.nextInt(10) == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static final String PUNCTUATION = " ,;\"'\t\r\n|=+-@";

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(5);
      text.appendCodePoint(switch (kind) {
        case 0 -> 'a' + random.nextInt(26);
        case 1 -> PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
        case 2 -> random.nextInt(0x20);
        case 3 -> 0x80 + random.nextInt(0x2000);
        default -> 0x1F600 + random.nextInt(0x40);
      });
    }
    return text.toString();
  }

  /** A file from the generator: clean, cell-mutated, shape-mutated and byte-damaged in turns. */
  static Case generate(int number) {
    Random random = new Random(SEED * 31 + number);
    List<String> recipe = new ArrayList<>();
    char delimiter = random.nextInt(4) == 0 ? ';' : ',';
    String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
    List<String> header = new ArrayList<>(COLUMNS);
    Collections.shuffle(header, random);
    if (random.nextInt(10) == 0) {
      header.remove(random.nextInt(header.size()));
      recipe.add("a column less");
    }
    if (random.nextInt(15) == 0) {
      header.add(pick(random, List.of("promt", "", "ID", "choice_a", "Notes ", "feedback_z")));
      recipe.add("an odd header cell");
    }
    int mode = random.nextInt(10);
    StringBuilder text = new StringBuilder();
    if (random.nextInt(8) == 0) {
      text.append('\uFEFF');
      recipe.add("BOM");
    }
    text.append(header.stream().map(name -> cell(random, name, delimiter)).collect(Collectors.joining(
        String.valueOf(delimiter)))).append(lineEnd);
    int rows = random.nextInt(8);
    for (int row = 0; row < rows; row++) {
      String type = pick(random, TYPES);
      String id = random.nextInt(30) == 0 && row > 0 ? "q0" : "q" + row;
      Map<String, String> cells = cleanRow(random, type, id);
      List<String> values = new ArrayList<>();
      for (String column : header) {
        values.add(cells.getOrDefault(column, ""));
      }
      if (mode >= 4 && random.nextInt(3) > 0) {
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
          int at = random.nextInt(values.size());
          values.set(at, random.nextInt(4) == 0 ? randomText(random) : pick(random, AWKWARD));
        }
        recipe.add("cells swapped");
      }
      if (mode >= 7 && random.nextInt(4) == 0) {
        if (random.nextBoolean()) {
          values.add(pick(random, AWKWARD));
        } else if (!values.isEmpty()) {
          values.remove(values.size() - 1);
        }
        recipe.add("a cell more or less");
      }
      text.append(values.stream().map(value -> cell(random, value, delimiter))
          .collect(Collectors.joining(String.valueOf(delimiter)))).append(lineEnd);
      if (random.nextInt(10) == 0) {
        text.append(lineEnd);
      }
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (mode == 9 && bytes.length > 0) {
      bytes = damage(random, bytes, recipe);
    }
    if (recipe.isEmpty()) {
      recipe.add(rows == 0 ? "a header only" : "clean");
    }
    return new Case(number, String.join(", ", new TreeSet<>(recipe)), bytes);
  }

  private static byte[] damage(Random random, byte[] bytes, List<String> recipe) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int cut = random.nextInt(6) == 0 ? random.nextInt(bytes.length) : bytes.length;
    for (int i = 0; i < cut; i++) {
      out.write(bytes[i]);
      if (random.nextInt(200) == 0) {
        int kind = random.nextInt(6);
        switch (kind) {
          case 0 -> out.write(random.nextInt(256));
          case 1 -> out.write(0);
          case 2 -> out.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
          case 3 -> out.write('"');
          case 4 -> out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
          default -> out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        }
        recipe.add("bytes damaged");
      }
    }
    if (cut < bytes.length) {
      recipe.add("truncated");
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("the reader answers every one of 5,000 seeded files with questions or problems, never both or "
      + "neither, and never throws")
  void readerNeverThrows() {
    QuestionCsvReader reader = new QuestionCsvReader();
    List<String> failures = new ArrayList<>();
    int valid = 0;
    Set<String> recipes = new HashSet<>();
    long started = System.nanoTime();
    for (int number = 0; number < CASES; number++) {
      Case generated = generate(number);
      recipes.add(generated.recipe());
      try {
        ParsedBank parsed = reader.read(generated.bytes());
        String problem = problem(parsed);
        if (problem != null) {
          failures.add(problem + ": " + generated.describe());
        } else if (parsed.isValid()) {
          valid++;
        }
      } catch (Throwable thrown) {
        failures.add(thrown + ": " + generated.describe());
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("Fuzzed the bank reader: %d files (seed %d), %d accepted, %d recipes, %d ms%n", CASES, SEED,
        valid, recipes.size(), millis);
    assertThat(failures).as("files the reader mishandled").isEmpty();
    assertThat(valid).as("enough clean files to test the accepting side").isGreaterThan(CASES / 5);
    assertThat(CASES - valid).as("enough broken files to test the refusing side").isGreaterThan(CASES / 5);
  }

  /** What is wrong with a reader's answer, or null. */
  private static String problem(ParsedBank parsed) {
    if (parsed == null) {
      return "no result";
    }
    if (parsed.errors().isEmpty() == parsed.questions().isEmpty()) {
      return parsed.errors().size() + " problems and " + parsed.questions().size() + " questions";
    }
    if (parsed.errors().size() > MAX_LISTED) {
      return parsed.errors().size() + " problems listed";
    }
    for (RowError error : parsed.errors()) {
      if (error.row() < 0 || error.column() == null || error.found() == null || error.expected() == null) {
        return "a malformed problem " + error;
      }
    }
    Set<String> ids = new HashSet<>();
    for (Question question : parsed.questions()) {
      if (!ids.add(question.id())) {
        return "the id " + question.id() + " twice";
      }
    }
    return null;
  }

  @Test
  @DisplayName("a sample of 100 files imported into PostgreSQL: a rejected file writes nothing, an accepted one "
      + "writes exactly its questions")
  void importsAreAllOrNothing(Vertx vertx) {
    QuestionCsvReader reader = new QuestionCsvReader();
    BankImporter importer = new BankImporter(vertx, pool);
    List<Case> accepted = new ArrayList<>();
    List<Case> rejected = new ArrayList<>();
    for (int number = 0; number < CASES && (accepted.size() < IMPORTS / 2 || rejected.size() < IMPORTS / 2);
        number += 7) {
      Case generated = generate(number);
      List<Case> kind = reader.read(generated.bytes()).isValid() ? accepted : rejected;
      if (kind.size() < IMPORTS / 2) {
        kind.add(generated);
      }
    }
    assertThat(accepted).hasSize(IMPORTS / 2);
    assertThat(rejected).hasSize(IMPORTS / 2);
    List<Case> sample = new ArrayList<>(accepted);
    sample.addAll(rejected);
    for (Case generated : sample) {
      String slug = "fuzz-" + generated.number();
      long banks = database.queryLong("select count(*) from bank");
      long questions = database.queryLong("select count(*) from question");
      ParsedBank parsed = reader.read(generated.bytes());
      ImportResult result;
      try {
        result = importer.importCsv(slug, "Fuzz " + generated.number(), null, generated.bytes()).await();
      } catch (RuntimeException failed) {
        assertThat(database.queryLong("select count(*) from bank")).as("after a failed import: " + generated.describe())
            .isEqualTo(banks);
        assertThat(database.queryLong("select count(*) from question")).isEqualTo(questions);
        throw new AssertionError("the import failed: " + failed + ": " + generated.describe(), failed);
      }
      if (!parsed.isValid()) {
        assertThat(result.isImported()).as(generated.describe()).isFalse();
        assertThat(result.errors()).as(generated.describe()).isNotEmpty();
        assertThat(database.queryLong("select count(*) from bank")).as(generated.describe()).isEqualTo(banks);
        assertThat(database.queryLong("select count(*) from question")).as(generated.describe()).isEqualTo(questions);
      } else {
        assertThat(result.isImported()).as(generated.describe()).isTrue();
        assertThat(database.queryLong("select count(*) from bank")).isEqualTo(banks + 1);
        assertThat(database.queryLong("select count(*) from question")).as(generated.describe())
            .isEqualTo(questions + parsed.questions().size());
        assertThat(database.queryLong("select count(*) from question q join bank b on b.id = q.bank_id where b.slug = '"
            + slug + "' and q.retired_at is null")).isEqualTo(parsed.questions().size());
        for (Question question : parsed.questions()) {
          assertThat(database.queryLong("select count(*) from question q join bank b on b.id = q.bank_id where "
              + "b.slug = '" + slug + "' and q.ref = '" + question.id().replace("'", "''") + "' and q.prompt = '"
              + question.prompt().replace("'", "''") + "'")).as(question.id()).isEqualTo(1);
        }
      }
    }
  }
}
