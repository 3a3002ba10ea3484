package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Spreadsheet formats and cells: separators, quoting, numbers, times")
class SpreadsheetFormatTest {

  @Test
  @DisplayName("each format is named by its query parameter; nothing means Excel; anything else is unknown")
  void names() {
    assertThat(SpreadsheetFormat.named("excel")).contains(SpreadsheetFormat.EXCEL);
    assertThat(SpreadsheetFormat.named("Excel-Europe ")).contains(SpreadsheetFormat.EXCEL_EUROPE);
    assertThat(SpreadsheetFormat.named("plain")).contains(SpreadsheetFormat.PLAIN);
    assertThat(SpreadsheetFormat.named(null)).contains(SpreadsheetFormat.EXCEL);
    assertThat(SpreadsheetFormat.named("")).contains(SpreadsheetFormat.EXCEL);
    assertThat(SpreadsheetFormat.named("xlsx")).isEmpty();
  }

  @Test
  @DisplayName("Excel: comma, CRLF, BOM; quotes only where RFC 4180 needs them")
  void excel() {
    SpreadsheetFormat excel = SpreadsheetFormat.EXCEL;
    assertThat(excel.start()).isEqualTo("\uFEFF");
    assertThat(excel.line(List.of("Ortiz, Ana", "say \"hi\"", "two\nlines", "plain", "7.5")))
        .isEqualTo("\"Ortiz, Ana\",\"say \"\"hi\"\"\",\"two\nlines\",plain,7.5\r\n");
    assertThat(excel.line(List.of("a;b"))).isEqualTo("a;b\r\n");
  }

  @Test
  @DisplayName("Excel (Europe): semicolon, CRLF, BOM, decimal comma; a comma alone needs no quotes")
  void excelEurope() {
    SpreadsheetFormat europe = SpreadsheetFormat.EXCEL_EUROPE;
    assertThat(europe.start()).isEqualTo("\uFEFF");
    assertThat(europe.line(List.of("Ortiz, Ana", "a;b", "7,5"))).isEqualTo("Ortiz, Ana;\"a;b\";7,5\r\n");
    assertThat(europe.number(new BigDecimal("-7.50"))).isEqualTo("-7,5");
  }

  @Test
  @DisplayName("Plain: comma, LF, no BOM")
  void plain() {
    SpreadsheetFormat plain = SpreadsheetFormat.PLAIN;
    assertThat(plain.start()).isEmpty();
    assertThat(plain.line(List.of("a", "b"))).isEqualTo("a,b\n");
  }

  @Test
  @DisplayName("numbers lose trailing zeros and never use an exponent")
  void numbers() {
    assertThat(SpreadsheetFormat.EXCEL.number(new BigDecimal("10.00"))).isEqualTo("10");
    assertThat(SpreadsheetFormat.EXCEL.number(new BigDecimal("0.00"))).isEqualTo("0");
    assertThat(SpreadsheetFormat.EXCEL.number(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(SpreadsheetFormat.EXCEL.number(new BigDecimal("7.090"))).isEqualTo("7.09");
    assertThat(SpreadsheetFormat.PLAIN.number(new BigDecimal("-2.5"))).isEqualTo("-2.5");
  }

  @Test
  @DisplayName("cells: text neutralised, numbers in the format's style, times ISO 8601 in the school's zone")
  void cells() {
    ZoneId chicago = ZoneId.of("America/Chicago");
    String line = new Cells(SpreadsheetFormat.EXCEL_EUROPE).text("-Robert").number(new BigDecimal("-2.5"))
        .text("-2,5").whole(843L).time(OffsetDateTime.parse("2026-11-25T15:14:03.987Z"), chicago)
        .time(OffsetDateTime.parse("2026-07-01T12:00:00Z"), chicago).time(null, chicago).number(null).blank().line();
    assertThat(line).isEqualTo("'-Robert;-2,5;-2,5;843;2026-11-25T09:14:03-06:00;2026-07-01T07:00:00-05:00;;;\r\n");
    assertThat(new Cells(SpreadsheetFormat.PLAIN).time(OffsetDateTime.parse("2026-11-25T15:14:03Z"), ZoneId.of("UTC"))
        .line()).isEqualTo("2026-11-25T15:14:03+00:00\n");
  }

  @Test
  @DisplayName("percent: one decimal, half up; nothing when either side is missing or the whole is 0")
  void percent() {
    assertThat(Cells.percent(new BigDecimal("5.67"), new BigDecimal("8"))).isEqualByComparingTo("70.9");
    assertThat(Cells.percent(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("66.7");
    assertThat(Cells.percent(new BigDecimal("1"), new BigDecimal("8"))).isEqualByComparingTo("12.5");
    assertThat(Cells.percent(null, BigDecimal.TEN)).isNull();
    assertThat(Cells.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
  }
}
