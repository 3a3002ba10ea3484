package io.quizworks.scoring;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The lenient readings of typed text that the scoring rules promise teachers, kept in one place. */
final class Texts {
  // (?U): a no-break space or an ideographic space pasted into an answer separates words like any space.
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[ .,;:!?]+\\z");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final int MAX_QUOTED_LENGTH = 40;

  private Texts() {}

  static boolean isBlank(String text) {
    return WHITESPACE.matcher(text).replaceAll("").isEmpty();
  }

  /**
   * The form in which a short answer and an accepted answer are compared. NFC first, so a letter typed as
   * base + combining accent equals its precomposed form. Lower-casing alone leaves "straße" and "strasse"
   * apart; a round trip through upper case (lower, upper, lower) turns ß and capital ẞ into ss. NFC again,
   * since case mapping may decompose. Only trailing punctuation goes: inside an answer it can change the
   * meaning.
   */
  static String normaliseAnswer(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT)
        .toUpperCase(Locale.ROOT)
        .toLowerCase(Locale.ROOT);
    String spaced = WHITESPACE.matcher(Normalizer.normalize(folded, Normalizer.Form.NFC)).replaceAll(" ").strip();
    return TRAILING_PUNCTUATION.matcher(spaced).replaceAll("");
  }

  /**
   * Reads a typed number as a student means it: surrounding spaces and a leading + are fine, and a comma is
   * the decimal separator when there is no point ("2,5"). Exponents, thousands separators and units are not
   * read, so "1e3" or "5 kg" score nothing rather than being guessed at.
   */
  static Optional<BigDecimal> parseNumber(String typed) {
    String trimmed = WHITESPACE.matcher(typed).replaceAll(" ").strip();
    String normalised = trimmed.indexOf('.') < 0 ? trimmed.replace(',', '.') : trimmed;
    return NUMBER.matcher(normalised).matches() ? Optional.of(new BigDecimal(normalised)) : Optional.empty();
  }

  /** Characters as a person counts them: an emoji or a rare CJK character is one, not two UTF-16 units. */
  static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /** A value echoed in an error message, on one line and short enough that a pasted essay cannot flood it. */
  static String quote(String value) {
    String oneLine = WHITESPACE.matcher(value).replaceAll(" ");
    if (length(oneLine) > MAX_QUOTED_LENGTH) {
      oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_QUOTED_LENGTH - 1)) + "…";
    }
    return "'" + oneLine + "'";
  }
}
