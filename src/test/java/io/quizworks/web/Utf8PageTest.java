package io.quizworks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A page's UTF-8 body")
class Utf8PageTest {
  @Test
  @DisplayName("holds every piece FreeMarker writes, whole or in part, as UTF-8, whatever its characters")
  void encodesEveryPiece() {
    Utf8Page page = new Utf8Page();
    page.write("<p>Caf\u00e9 \u00b7 ", 0, 9);
    page.write("xx\u2014 dash\u2026yy", 2, 7);
    char[] robot = "robot \uD83E\uDD16 arm".toCharArray();
    page.write(robot, 0, robot.length);
    page.write('!');

    assertThat(page.body().toString(StandardCharsets.UTF_8))
        .isEqualTo("<p>Caf\u00e9 \u00b7\u2014 dash\u2026robot \uD83E\uDD16 arm!");
  }

  @Test
  @DisplayName("grows past its first 32 KB without losing a byte")
  void growsAsNeeded() {
    Utf8Page page = new Utf8Page();
    String line = "<li>Question \u2014 caf\u00e9</li>\n";
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      page.write(line, 0, line.length());
      expected.append(line);
    }

    assertThat(page.body().getBytes()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8))
        .hasSizeGreaterThan(64 * 1024);
  }
}
