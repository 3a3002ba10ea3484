package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The slug of an uploaded bank")
class BankSlugTest {

  @Test
  @DisplayName("is the title in lower case with every other run of characters one hyphen")
  void lowerCaseAndHyphens() {
    assertThat(BankSlug.of("Manufacturing Roles")).isEqualTo("manufacturing-roles");
    assertThat(BankSlug.of("  Unit 2: Safety & Tools!  ")).isEqualTo("unit-2-safety-tools");
    assertThat(BankSlug.of("--CNC_Machining--")).isEqualTo("cnc-machining");
  }

  @Test
  @DisplayName("drops accents and keeps the letters they sit on")
  void accents() {
    assertThat(BankSlug.of("Métiers de l'Industrie Çà")).isEqualTo("metiers-de-l-industrie-ca");
  }

  @Test
  @DisplayName("is at most 60 characters and never ends with a hyphen")
  void length() {
    String title = "a".repeat(59) + " b and more";
    assertThat(BankSlug.of(title)).isEqualTo("a".repeat(59)).hasSizeLessThanOrEqualTo(BankSlug.MAX_LENGTH);
    assertThat(BankSlug.of("x".repeat(100))).hasSize(BankSlug.MAX_LENGTH);
  }

  @Test
  @DisplayName("is 'bank' for a title without a letter or digit it can keep")
  void fallback() {
    assertThat(BankSlug.of("汽车制造")).isEqualTo("bank");
    assertThat(BankSlug.of("???")).isEqualTo("bank");
  }

  @Test
  @DisplayName("always matches what the bank table accepts")
  void matchesTheTableCheck() {
    for (String title : new String[] {"-x-", "Ω", "9 lives", "a -- b", "É"}) {
      assertThat(BankSlug.of(title)).matches("[a-z0-9][a-z0-9-]*").doesNotEndWith("-");
    }
  }
}
