package io.quizworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.Main;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Starting the server process")
class MainProcessTest {

  @Test
  @DisplayName("against an unreachable database prints one clear line, no stack trace, and exits with 1")
  void unreachableDatabase() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectErrorStream(true);
    builder.environment().remove("DATABASE_URL");
    builder.environment().put("PGHOST", "127.0.0.1");
    builder.environment().put("PGPORT", "1");
    builder.environment().put("PORT", "0");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();

    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(lines).as(output).hasSize(1);
    assertThat(lines.get(0)).endsWith("Cannot reach PostgreSQL at 127.0.0.1:1: check that it is running and that "
        + "PGHOST/PGPORT (or DATABASE_URL) point at it");
  }
}
