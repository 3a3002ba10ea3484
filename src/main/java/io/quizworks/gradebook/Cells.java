package io.quizworks.gradebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV record being built, cell by cell, in one {@link SpreadsheetFormat}: text is neutralised by
 * {@link SafeCells}, numbers are written in the format's decimal style, times as ISO 8601 in the school's
 * time zone, and a missing value is an empty cell. Pure.
 */
public final class Cells {
  /** ISO 8601 to the second with the offset always as {@code ±hh:mm}, e.g. {@code 2026-11-25T09:14:03-06:00}. */
  static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private final SpreadsheetFormat format;
  private final List<String> values = new ArrayList<>();

  public Cells(SpreadsheetFormat format) {
    this.format = format;
  }

  public Cells text(String value) {
    values.add(SafeCells.text(value, format.decimalSeparator()));
    return this;
  }

  public Cells number(BigDecimal value) {
    values.add(value == null ? "" : format.number(value));
    return this;
  }

  public Cells whole(Long value) {
    values.add(value == null ? "" : Long.toString(value));
    return this;
  }

  public Cells time(OffsetDateTime value, ZoneId zone) {
    values.add(value == null ? "" : value.atZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS).format(ISO_TIME));
    return this;
  }

  public Cells blank() {
    values.add("");
    return this;
  }

  public Cells blanks(int count) {
    for (int i = 0; i < count; i++) {
      blank();
    }
    return this;
  }

  /** The record as one line of the file, line end included. */
  public String line() {
    return format.line(values);
  }

  /** {@code part} of {@code whole} in percent, to one decimal (half up); null when either is missing or whole is 0. */
  public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
  }
}
