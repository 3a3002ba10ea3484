package io.quizworks.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reading typed text leniently")
class TextsTest {

  @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "'  Robotics   Technician. ' | robotics technician",
      "'Straße'                    | strasse",
      "'STRAẞE'                    | strasse",
      "'U.S.A.'                    | u.s.a",
      "'Why?!'                     | why",
      "'a , b ;'                   | a , b",
      "'...'                       | ''",
      "'ΟΔΟΣ'                      | οδος"})
  @DisplayName("a short answer compares in lower case, with single spaces and without trailing punctuation")
  void normaliseAnswer(String typed, String normalised) {
    assertThat(Texts.normaliseAnswer(typed)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(delimiter = '|', value = {
      "'2.5'      | 2.5",
      "' 2.5 '    | 2.5",
      "'+2.5'     | 2.5",
      "'-2.5'     | -2.5",
      "'2,5'      | 2.5",
      "'-,5'      | -0.5",
      "'.5'       | 0.5",
      "'5.'       | 5",
      "'007'      | 7",
      "'1,500'    | 1.5"})
  @DisplayName("a typed number is read with a leading +, surrounding spaces and a decimal comma")
  void parseNumber(String typed, String value) {
    assertThat(Texts.parseNumber(typed)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(value));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"'1,000.5'", "'1e3'", "'2 5'", "'+-1'", "'5%'", "'abc'", "'.'", "'١'"})
  @DisplayName("anything else is not a number")
  void notANumber(String typed) {
    assertThat(Texts.parseNumber(typed)).isEqualTo(Optional.<BigDecimal>empty());
  }
}
