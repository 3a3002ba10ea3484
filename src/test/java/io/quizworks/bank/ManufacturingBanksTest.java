package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Manufacturing Career Cluster banks in questions/")
class ManufacturingBanksTest {
  private static final Path QUESTIONS = Path.of("questions");
  private static final List<Question> ALL = new ArrayList<>();

  @BeforeAll
  static void readAll() throws IOException {
    try (Stream<Path> files = Files.list(QUESTIONS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        ParsedBank bank = new QuestionCsvReader().read(Files.readAllBytes(file));
        assertThat(bank.errors()).as(file + " has no errors").isEmpty();
        ALL.addAll(bank.questions());
      }
    }
  }

  @Test
  @DisplayName("hold at least 60 questions with ids unique across the banks")
  void enoughQuestions() {
    assertThat(ALL).hasSizeGreaterThanOrEqualTo(60);
    assertThat(ALL.stream().map(Question::id).distinct().count()).isEqualTo(ALL.size());
  }

  @Test
  @DisplayName("use all seven question types and every difficulty")
  void typesAndDifficulties() {
    assertThat(ALL.stream().map(Question::type).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(QuestionType.class));
    assertThat(ALL.stream().map(Question::difficulty).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(Difficulty.class));
  }

  @Test
  @DisplayName("cover every section of the source text, naming it as each question's source")
  void everySectionCovered() throws IOException {
    List<String> sections = new ArrayList<>(List.of("Introduction"));
    Files.readAllLines(QUESTIONS.resolve("sources/manufacturing-career-cluster.md")).stream()
        .filter(line -> line.startsWith("## "))
        .map(line -> line.substring(3).strip())
        .forEach(sections::add);
    Set<String> sources = ALL.stream().map(Question::source).collect(Collectors.toSet());
    assertThat(sources).containsExactlyInAnyOrderElementsOf(sections);
    for (String section : sections) {
      assertThat(ALL.stream().filter(q -> q.source().equals(section)).count()).as(section).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  @DisplayName("give every question feedback, and choice questions feedback on their choices")
  void feedback() {
    assertThat(ALL).allSatisfy(q -> assertThat(q.feedback()).as(q.id()).isNotBlank());
    assertThat(ALL.stream().filter(q -> q.type().hasChoiceFeedback()))
        .allSatisfy(q -> assertThat(q.choices()).as(q.id()).anySatisfy(c -> assertThat(c.feedback()).isNotBlank()));
  }

  @Test
  @DisplayName("quote the source text word for word wherever feedback uses quotation marks")
  void quotesAreExact() throws IOException {
    String source = Files.readString(QUESTIONS.resolve("sources/manufacturing-career-cluster.md"));
    Pattern quoted = Pattern.compile("\"([^\"]{12,})\"");
    for (Question q : ALL) {
      Matcher matcher = quoted.matcher(q.feedback());
      while (matcher.find()) {
        String quote = matcher.group(1).replaceAll("[.,]$", "");
        assertThat(source).as(q.id() + " quotes the text").contains(quote);
      }
    }
  }
}
