package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server started where no UTF-8 locale is set (a bare service manager, a minimal image, cron) runs with
 * the JVM's default charset at US-ASCII. Its pages must still be UTF-8: before, every accent and dash that
 * a page or a question held reached the browser as "?".
 */
@DisplayName("A server started without a UTF-8 locale")
class AsciiLocaleTest {
  private final Cleanup cleanup = new Cleanup();

  @AfterEach
  void stop() throws Exception {
    cleanup.close();
  }

  @Test
  @DisplayName("still sends its pages' accents and dashes as UTF-8")
  void pagesStayUtf8() throws Exception {
    TestDatabase database = TestDatabase.adopt(TestDatabase.freshName());
    cleanup.add(database::close);
    ServerProcess server = ServerProcess.start("ascii-locale", Map.of("PGHOST", TestDatabase.server().getHost(),
        "PGPORT", String.valueOf(TestDatabase.server().getPort()), "PGUSER", TestDatabase.server().getUser(),
        "PGDATABASE", database.name(), "PORT", "0", "QUIZWORKS_QUESTIONS_DIR", "questions",
        "LANG", "C", "LC_ALL", "C", "JAVA_TOOL_OPTIONS", "-Dfile.encoding=ANSI_X3.4-1968"));
    cleanup.add(server);

    HttpResponse<byte[]> home = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/")).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(server.output()).as("the server's JVM runs with an ASCII default charset")
        .contains("-Dfile.encoding=ANSI_X3.4-1968");
    assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(new String(home.body(), StandardCharsets.UTF_8))
        .contains("<title>Welcome · Quizworks</title>", "Quizworks — quizzes for career and technical education");
  }
}
