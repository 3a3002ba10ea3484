package io.quizworks.gradebook;

import java.util.regex.Pattern;

/**
 * Neutralises text a spreadsheet would run as a formula (OWASP "CSV injection"): a text cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, which
 * Excel and LibreOffice show as text. A plain number in the file's decimal style ({@code -2.5}, or
 * {@code -2,5} in a decimal-comma file) is left alone: it is a number, never a formula. Pure.
 */
public final class SafeCells {
  /** The characters OWASP lists as starting a formula or a DDE call. */
  public static final String TRIGGERS = "=+-@\t\r";

  private static final Pattern POINT_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern COMMA_NUMBER = Pattern.compile("-?[0-9]+(,[0-9]+)?");

  private SafeCells() {}

  /** {@code value} as a cell that cannot run as a formula, for a file whose decimal separator is given. */
  public static String text(String value, char decimalSeparator) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (TRIGGERS.indexOf(value.charAt(0)) < 0 || isNumber(value, decimalSeparator)) {
      return value;
    }
    return "'" + value;
  }

  /** Whether {@code value} is a plain decimal number, optionally negative, written with that separator. */
  public static boolean isNumber(String value, char decimalSeparator) {
    return (decimalSeparator == ',' ? COMMA_NUMBER : POINT_NUMBER).matcher(value).matches();
  }
}
