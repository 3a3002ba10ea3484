package io.quizworks.gradebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The three spreadsheet dialects every export offers: how cells are separated, how a decimal number is
 * written, whether the file starts with a byte-order mark and how lines end. Quoting is RFC 4180 in all.
 */
public enum SpreadsheetFormat implements ExportOption {
  /** Excel and LibreOffice with English settings: comma, decimal point, UTF-8 with BOM, CRLF. */
  EXCEL("excel", "Excel (comma)", "UTF-8 with a byte-order mark, so Excel reads accents right; decimal point.",
      ',', '.', true, "\r\n"),
  /** Excel in most of Europe, where the comma is the decimal separator: semicolon, decimal comma, BOM, CRLF. */
  EXCEL_EUROPE("excel-europe", "Excel (Europe)", "Semicolons between cells and a decimal comma (7,5), as Excel "
      + "expects them in most European languages.", ';', ',', true, "\r\n"),
  /** For programs and Google Sheets: comma, decimal point, UTF-8 without BOM, LF. */
  PLAIN("plain", "Plain CSV", "UTF-8 without a byte-order mark, LF line ends: for Google Sheets and scripts.",
      ',', '.', false, "\n");

  private static final char BOM = '\uFEFF';

  private final String parameter;
  private final String label;
  private final String hint;
  private final char delimiter;
  private final char decimalSeparator;
  private final boolean byteOrderMark;
  private final CSVFormat csv;

  SpreadsheetFormat(String parameter, String label, String hint, char delimiter, char decimalSeparator,
      boolean byteOrderMark, String lineEnd) {
    this.parameter = parameter;
    this.label = label;
    this.hint = hint;
    this.delimiter = delimiter;
    this.decimalSeparator = decimalSeparator;
    this.byteOrderMark = byteOrderMark;
    this.csv = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator(lineEnd)
        .setQuoteMode(QuoteMode.MINIMAL).get();
  }

  /** The format a {@code format} query parameter names; a missing parameter means {@link #EXCEL}. */
  public static Optional<SpreadsheetFormat> named(String parameter) {
    return ExportOption.named(values(), parameter, EXCEL);
  }

  @Override
  public String parameter() {
    return parameter;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }

  public char delimiter() {
    return delimiter;
  }

  public char decimalSeparator() {
    return decimalSeparator;
  }

  /** What the file starts with: the byte-order mark, or nothing. */
  public String start() {
    return byteOrderMark ? String.valueOf(BOM) : "";
  }

  /** A number as this format writes it: no trailing zeros, no exponent, its decimal separator. */
  public String number(BigDecimal value) {
    String plain = value.stripTrailingZeros().toPlainString();
    return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
  }

  /** One record, quoted as RFC 4180 asks and ended with this format's line end. Cells are written as given. */
  public String line(List<String> cells) {
    StringBuilder out = new StringBuilder();
    try {
      csv.printRecord(out, cells.toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
