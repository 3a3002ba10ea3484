package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Download file names")
class FileNamesTest {
  private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

  @Test
  @DisplayName("class, quiz, what and date, as an ASCII slug")
  void ascii() {
    assertThat(FileNames.ascii(DATE, "Period 3", "Roles check", "results"))
        .isEqualTo("period-3-roles-check-results-2026-11-25.csv");
    assertThat(FileNames.ascii(DATE, "Période 3, \"Atelier\"", "Sécurité & EPI", "responses"))
        .isEqualTo("periode-3-atelier-securite-epi-responses-2026-11-25.csv");
    assertThat(FileNames.ascii(DATE, "Straße ÆØ", "../../etc/passwd", "gradebook"))
        .isEqualTo("strasse-aeo-etc-passwd-gradebook-2026-11-25.csv");
    assertThat(FileNames.ascii(DATE, "日本語", "gradebook")).isEqualTo("gradebook-2026-11-25.csv");
    assertThat(FileNames.ascii(DATE, "", "")).isEqualTo("export-2026-11-25.csv");
  }

  @Test
  @DisplayName("a long name is cut to a readable length")
  void long_() {
    String name = FileNames.ascii(DATE, "a".repeat(30) + " " + "b".repeat(30), "results");
    assertThat(name).isEqualTo("a".repeat(30) + "-" + "b".repeat(17) + "-results-2026-11-25.csv");
  }

  @Test
  @DisplayName("Content-Disposition carries the ASCII name and the UTF-8 one, percent-encoded")
  void contentDisposition() {
    assertThat(FileNames.contentDisposition(DATE, "Période 3", "日本語", "results")).isEqualTo(
        "attachment; filename=\"periode-3-results-2026-11-25.csv\"; "
            + "filename*=UTF-8''p%C3%A9riode-3-%E6%97%A5%E6%9C%AC%E8%AA%9E-results-2026-11-25.csv");
  }
}
