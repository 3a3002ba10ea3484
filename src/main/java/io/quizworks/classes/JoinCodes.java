package io.quizworks.classes;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Class join codes: six characters a student copies from a board or hears read out, so the alphabet has
 * no characters that look or sound alike (no 0/O, 1/I/L). Setup codes use the same alphabet.
 */
public final class JoinCodes {
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 6;

  /** What people type between the groups of a code, or paste with it: spaces and dashes of any kind. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Pd}]+");

  private JoinCodes() {}

  public static String random(RandomGenerator random) {
    return random(random, LENGTH);
  }

  /** A code as stored and compared: upper case, without the spaces and dashes people type or paste. */
  public static String normalise(String input) {
    return input == null ? "" : SEPARATORS.matcher(input).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /** Whether a normalised code could be a join code at all, so a typo is refused without a query. */
  public static boolean isWellFormed(String code) {
    return hasShape(code, LENGTH);
  }

  /** Split in two halves ({@code ABC-DEF}), which is easier to read out and copy than six in a row. */
  public static String display(String code) {
    return grouped(code);
  }

  static String random(RandomGenerator random, int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  static boolean hasShape(String code, int length) {
    return code.length() == length && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  static String grouped(String code) {
    int half = code.length() / 2;
    return code.substring(0, half) + "-" + code.substring(half);
  }
}
