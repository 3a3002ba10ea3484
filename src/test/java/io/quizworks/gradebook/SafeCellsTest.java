package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SafeCells: formula neutralisation (OWASP CSV injection)")
class SafeCellsTest {

  @ParameterizedTest(name = "[{0}] becomes [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
      "=1+1|'=1+1",
      "+1 555 0100|'+1 555 0100",
      "-Robert|'-Robert",
      "@SUM(A1:A9)|'@SUM(A1:A9)",
      "-|'-",
      "--2|'--2",
      "-2.5e3|'-2.5e3",
      "-.5|'-.5",
      "-2.|'-2.",
      "Ortiz, Ana|Ortiz, Ana",
      "'already quoted|'already quoted",
      "2.5|2.5",
      "a=b|a=b",
      "` =1+1`|` =1+1`",
  })
  @DisplayName("text starting with = + - @ gets a leading quote; other text is kept")
  void neutralises(String value, String expected) {
    assertThat(SafeCells.text(value, '.')).isEqualTo(expected);
  }

  @Test
  @DisplayName("a tab or a carriage return at the start is neutralised too")
  void tabAndCarriageReturn() {
    assertThat(SafeCells.text("\t=1+1", '.')).isEqualTo("'\t=1+1");
    assertThat(SafeCells.text("\r=1+1", ',')).isEqualTo("'\r=1+1");
    assertThat(SafeCells.text("\n=1+1", '.')).as("a line feed starts no formula").isEqualTo("\n=1+1");
  }

  @Test
  @DisplayName("a negative number in the file's decimal style stays a number")
  void negativeNumbers() {
    assertThat(SafeCells.text("-2.5", '.')).isEqualTo("-2.5");
    assertThat(SafeCells.text("-2", '.')).isEqualTo("-2");
    assertThat(SafeCells.text("-2,5", ',')).isEqualTo("-2,5");
    assertThat(SafeCells.text("-2", ',')).isEqualTo("-2");
    // In the other style it is not a number there, so it is text, and text starting with "-" is neutralised.
    assertThat(SafeCells.text("-2,5", '.')).isEqualTo("'-2,5");
    assertThat(SafeCells.text("-2.5", ',')).isEqualTo("'-2.5");
  }

  @Test
  @DisplayName("null and empty are an empty cell")
  void empty() {
    assertThat(SafeCells.text(null, '.')).isEmpty();
    assertThat(SafeCells.text("", ',')).isEmpty();
  }

  @Test
  @DisplayName("isNumber knows plain decimals only")
  void isNumber() {
    assertThat(SafeCells.isNumber("12", '.')).isTrue();
    assertThat(SafeCells.isNumber("-0.25", '.')).isTrue();
    assertThat(SafeCells.isNumber("-0,25", ',')).isTrue();
    assertThat(SafeCells.isNumber("1e3", '.')).isFalse();
    assertThat(SafeCells.isNumber("+3", '.')).isFalse();
    assertThat(SafeCells.isNumber("1,500.5", '.')).isFalse();
    assertThat(SafeCells.isNumber("", '.')).isFalse();
  }
}
