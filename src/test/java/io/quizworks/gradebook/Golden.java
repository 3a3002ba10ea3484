package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files in {@code src/test/resources/golden/}, compared byte for byte (byte-order mark and line ends
 * included). Run with {@code -Dgolden.update=true} to rewrite them from what the code produces now, then
 * read the diff before committing it.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  static void assertMatches(String name, byte[] actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.write(file, actual);
      }
      assertThat(file).as("golden file %s (run with -Dgolden.update=true to create it)", file).exists();
      byte[] expected = Files.readAllBytes(file);
      assertThat(visible(actual)).as("%s, with BOM and line ends made visible", name).isEqualTo(visible(expected));
      assertThat(actual).as("%s byte for byte", name).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with a BOM, CR and LF spelled out, so a failure shows where the files differ. */
  static String visible(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "<BOM>").replace("\r", "<CR>")
        .replace("\n", "<LF>\n");
  }
}
