package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.Main;
import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2,000-student × 20-quiz class exported by a server in a JVM of its own with a 128 MB heap: the download
 * completes with every row, and the server is still alive and answering afterwards. Rows per second and
 * the server's heap are printed as a benchmark figure (see README.md), never asserted: these machines are
 * shared and noisy.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A 2,000-student × 20-quiz gradebook streams from a server with -Xmx128m")
class LargeClassExportTest {
  private static final int STUDENTS = 2_000;
  private static final int QUIZZES = 20;
  private static final Pattern GC_LINE = Pattern.compile("\\[([0-9.]+)s\\].*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @Test
  @DisplayName("completes with every row in 128 MB, and the server lives on")
  void largeClass(Vertx vertx, @TempDir Path dir) throws Exception {
    int port = freePort();
    Path gcLog = dir.resolve("gc.log");
    Path serverLog = dir.resolve("server.log");
    try (TestDatabase database = TestDatabase.create()) {
      String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
          "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), Main.class.getName())
          .redirectErrorStream(true).redirectOutput(serverLog.toFile());
      var server = TestDatabase.server();
      Map<String, String> env = builder.environment();
      env.remove("DATABASE_URL");
      env.put("PGHOST", server.getHost());
      env.put("PGPORT", String.valueOf(server.getPort()));
      env.put("PGUSER", server.getUser());
      env.put("PGPASSWORD", server.getPassword() == null ? "" : server.getPassword());
      env.put("PGDATABASE", database.name());
      env.put("PORT", String.valueOf(port));
      env.put("QUIZWORKS_QUESTIONS_DIR", "questions");
      env.put("QUIZWORKS_TIME_ZONE", "America/Chicago");
      Process process = builder.start();
      try {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        awaitHealthy(http, port, process, serverLog);

        TestClient teacher = new TestClient(vertx, port);
        teacher.signUpTeacher("Big Class Teacher", "big@school.test", "teacher password");
        long classId = seed(database);
        String cookie = teacher.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; "));
        String path = "/classes/" + classId + "/gradebook.csv?layout=generic&format=excel";
        String heapBefore = jcmdLiveHeap(process.pid());
        long gcLinesBefore = lines(gcLog).size();

        // Three downloads as fast as the client reads: the first runs on a cold JVM; the median is the figure.
        List<Double> rates = new ArrayList<>();
        long lines = 0;
        long bytes = 0;
        for (int run = 0; run < 3; run++) {
          long started = System.nanoTime();
          HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
              + port + path)).header("Cookie", cookie).timeout(Duration.ofMinutes(5)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
          assertThat(response.statusCode()).isEqualTo(200);
          long[] counted = countLines(response.body());
          rates.add(STUDENTS / ((System.nanoTime() - started) / 1e9));
          lines = counted[0];
          bytes = counted[1];
          assertThat(lines).as("lines of download %d", run + 1).isEqualTo(STUDENTS + 2L);
        }

        List<String> gcDuring = lines(gcLog).subList((int) gcLinesBefore, lines(gcLog).size());
        assertThat(process.isAlive()).as("server process is alive; its log:\n%s", tail(serverLog)).isTrue();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        String heapAfter = jcmdLiveHeap(process.pid());
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "Gradebook export benchmark: %d students × %d quizzes, %d lines, %d bytes; "
                + "rows/s of three downloads %s, median %.0f; server -Xmx128m; live heap before the exports: %s; %s; "
                + "%s; live heap after: %s%n", STUDENTS, QUIZZES, lines,
            bytes, rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate)).toList(), sorted.get(1),
            heapBefore, peakHeap("heap during the exports", gcDuring),
            peakHeap("heap over the whole run, start-up included", lines(gcLog)), heapAfter);
        System.out.println("Server log, exports: " + lines(serverLog).stream().filter(l -> l.contains("rows in"))
            .collect(Collectors.joining(" | ")));
        teacher.close();
      } finally {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  /** 2,000 students, 20 quizzes with the four grading methods, one or two submitted attempts each. */
  private static long seed(TestDatabase database) {
    long teacherId = database.queryLong("select id from teacher where email = 'big@school.test'");
    long classId = database.queryLong("insert into class (teacher_id, name, join_code) values (" + teacherId
        + ", 'Big class', 'BIG234') returning id");
    database.execute("insert into student (class_id, display_name, student_number, email) "
        + "select " + classId + ", 'Student ' || lpad(i::text, 4, '0') || ', Über-Test \"Q\"', 'S' || i, "
        + "'s' || i || '@big.school.test' from generate_series(1, " + STUDENTS + ") i");
    database.execute("insert into quiz (class_id, title, question_count, attempts_allowed, grading_method, created_at) "
        + "select " + classId + ", 'Quiz ' || j, 10, 2, (array['highest','last','first','average'])[1 + j % 4], "
        + "now() + j * interval '1 second' from generate_series(1, " + QUIZZES + ") j");
    database.execute("insert into attempt (quiz_id, student_id, number, seed, started_at, status, submitted_at, score, "
        + "max_score) select z.id, s.id, n, 1, now() - interval '1 hour', 'submitted', now() - interval '30 minutes', "
        + "round((random() * 10)::numeric, 2), 10 from student s join quiz z on z.class_id = s.class_id "
        + "cross join generate_series(1, 2) n where s.class_id = " + classId + " and (n = 1 or (s.id + z.id) % 3 = 0)");
    database.execute("analyze");
    return classId;
  }

  private static void awaitHealthy(HttpClient http, int port, Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("server exited with " + process.exitValue() + ":\n" + tail(log));
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(250);
    }
    throw new AssertionError("server did not become healthy:\n" + tail(log));
  }

  /** Lines and bytes of a body, read as it comes without keeping it. */
  private static long[] countLines(InputStream body) throws IOException {
    long lines = 0;
    long bytes = 0;
    boolean quoted = false;
    byte[] buffer = new byte[8192];
    try (InputStream in = body) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        bytes += read;
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '"') {
            quoted = !quoted;
          } else if (buffer[i] == '\n' && !quoted) {
            lines++;
          }
        }
      }
    }
    return new long[] {lines, bytes};
  }

  /**
   * From {@code -Xlog:gc} lines: the most the heap held when a collection started (young garbage included)
   * and the most it still held after one (what was really live).
   */
  private static String peakHeap(String what, List<String> gcLines) {
    long before = -1;
    long after = -1;
    long committed = 0;
    int collections = 0;
    for (String line : gcLines) {
      Matcher matcher = GC_LINE.matcher(line);
      if (matcher.find()) {
        collections++;
        before = Math.max(before, Long.parseLong(matcher.group(2)));
        after = Math.max(after, Long.parseLong(matcher.group(3)));
        committed = Long.parseLong(matcher.group(4));
      }
    }
    return collections == 0 ? what + ": no collection ran" : String.format(Locale.ROOT, "%s: %d MB before a "
        + "collection, %d MB live after one, %d MB committed (%d collections)", what, before, after, committed,
        collections);
  }

  /** The server's live heap: a full collection ({@code jcmd GC.run}), then {@code GC.heap_info}'s "used". */
  private static String jcmdLiveHeap(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return "unknown (no jcmd)";
    }
    try {
      jcmd(jcmd, pid, "GC.run");
      String output = jcmd(jcmd, pid, "GC.heap_info");
      Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(output);
      return used.find() ? String.format(Locale.ROOT, "%d MB", Long.parseLong(used.group(2)) / 1024)
          : "unknown (" + output.strip().replace('\n', ' ') + ")";
    } catch (IOException | InterruptedException e) {
      return "unknown (jcmd failed: " + e.getMessage() + ")";
    }
  }

  private static String jcmd(Path jcmd, long pid, String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(30, TimeUnit.SECONDS);
    return output;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  private static String tail(Path log) {
    try {
      List<String> all = lines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
