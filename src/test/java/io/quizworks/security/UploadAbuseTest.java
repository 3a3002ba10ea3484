package io.quizworks.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile files at both upload forms — a bank ({@code POST /banks/upload}, field {@code file}) and a roster
 * ({@code POST /classes/{id}/roster}, field {@code roster}): each is refused with a message about the file,
 * writes nothing, leaves nothing in the upload spool ({@code java.io.tmpdir/quizworks-uploads}, where the
 * server's BodyHandler streams a request's files under names of its own) and leaves the server answering.
 * Other test runs may share the spool, so each body carries a marker of its own and the spool is searched
 * for it, rather than expected empty.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Uploads: oversized, binary, very wide, deeply quoted, not UTF-8 and path-like names")
class UploadAbuseTest {
  private static final Path SPOOL = Path.of(System.getProperty("java.io.tmpdir"), "quizworks-uploads");
  /** vertx-web's default spool, relative to the working folder: nothing may land there either. */
  private static final Path DEFAULT_SPOOL = Path.of("file-uploads");
  private static final String BANK_HEADER = "id,type,topic,difficulty,points,prompt,answer\n";
  private static final String ROSTER_HEADER = "student_id,name\n";
  private static final List<String> WRITTEN = List.of("bank", "question", "bank_upload", "class", "student");

  private static SecuritySchool school;
  private static TestClient teacher;
  private static long classId;

  /** One hostile file: what it is, its bytes for each form, and what the refusal must say. */
  private record Hostile(String name, int status, byte[] bank, String bankSays, byte[] roster, String rosterSays) {}

  @BeforeAll
  static void start(Vertx vertx) {
    school = SecuritySchool.start(vertx);
    teacher = school.teacher("Upload Teacher", "uploads@security.test");
    classId = school.classOf(school.teacherId("uploads@security.test"), "Upload class");
    school.student(classId, "Existing Student");
  }

  @AfterAll
  static void stop() {
    school.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static HttpResponse<Buffer> uploadBank(String fileName, byte[] content) {
    teacher.get("/banks/upload");
    return teacher.postMultipart("/banks/upload", MultipartForm.create().attribute("title", "Hostile bank")
        .attribute("bank", "").binaryFileUpload("file", fileName, Buffer.buffer(content), "text/csv"));
  }

  private static HttpResponse<Buffer> uploadRoster(String fileName, byte[] content) {
    teacher.get("/classes/" + classId);
    return teacher.postMultipart("/classes/" + classId + "/roster", MultipartForm.create()
        .binaryFileUpload("roster", fileName, Buffer.buffer(content), "text/csv"));
  }

  /** Files in a folder (recursively) whose bytes hold the marker; none when the folder does not exist. */
  private static List<Path> holding(Path folder, String marker) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    byte[] needle = bytes(marker);
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          if (indexOf(Files.readAllBytes(file), needle) >= 0) {
            found.add(file);
          }
        } catch (IOException e) {
          // A file another run's server deleted while we looked: not ours.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // The folder changed under us (another run); look again on the next poll.
      return List.of(folder.resolve("(changing)"));
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The server deletes a request's files when its response ends, which may be just after the client has it. */
  private static void assertNothingKept(String marker) {
    long until = System.nanoTime() + 5_000_000_000L;
    List<Path> kept;
    do {
      kept = new ArrayList<>(holding(SPOOL, marker));
      kept.addAll(holding(DEFAULT_SPOOL, marker));
      if (kept.isEmpty()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    } while (System.nanoTime() < until);
    assertThat(kept).as("uploaded bytes kept after the request").isEmpty();
  }

  private static void assertServerAnswers() {
    HttpResponse<Buffer> health = school.browser().get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsString()).contains("\"database\":\"up\"");
    assertThat(teacher.get("/teacher").statusCode()).isEqualTo(200);
  }

  /** Hostile files, each carrying its marker, in both forms. */
  private static List<Hostile> hostileFiles(String marker) {
    List<Hostile> files = new ArrayList<>();

    byte[] big = new byte[4 * 1024 * 1024 + 64 * 1024];
    Arrays.fill(big, (byte) 'a');
    byte[] oversized = concat(bytes(marker + "\n"), big);
    files.add(new Hostile("over 4 MiB", 413, oversized, "File too large", oversized, "File too large"));

    byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89}, bytes(marker));
    files.add(new Hostile("a PNG picture named .csv", 400, png, "is not a text file", png, "not UTF-8"));

    StringBuilder wideHeader = new StringBuilder(marker);
    for (int i = 1; i < 100_000; i++) {
      wideHeader.append(",c").append(i);
    }
    byte[] wide = bytes(wideHeader + "\n");
    files.add(new Hostile("a header of 100,000 columns", 400, wide, "100000 columns", wide, "100000 columns"));

    StringBuilder wideRow = new StringBuilder(marker);
    for (int i = 1; i < 100_000; i++) {
      wideRow.append(",x");
    }
    files.add(new Hostile("a row of 100,000 cells", 400, bytes(BANK_HEADER + wideRow + "\n"), "100000 cells",
        bytes(ROSTER_HEADER + wideRow + "\n"), "100000 cells"));

    String quotes = "\"".repeat(100_000);
    files.add(new Hostile("a cell of 100,000 quote characters", 400,
        bytes(BANK_HEADER + marker + ",true_false,t,easy,1," + quotes + ",true\n"), "49999 characters",
        bytes(ROSTER_HEADER + marker + "," + quotes + "\n"), "49999 characters"));
    files.add(new Hostile("a quote that never closes", 400,
        bytes(BANK_HEADER + marker + ",true_false,t,easy,1," + quotes + "\",true\n"), "a badly quoted cell",
        bytes(ROSTER_HEADER + marker + "," + quotes + "\"\n"), "a badly quoted cell"));
    files.add(new Hostile("quotes in the middle of a cell", 400,
        bytes(BANK_HEADER + marker + ",true_false,t,easy,1,\"a\"\"b\"x\"c,true\n"), "a badly quoted cell",
        bytes(ROSTER_HEADER + marker + ",\"a\"b\"c\n"), "a badly quoted cell"));

    byte[] latin1 = concat(bytes(BANK_HEADER + marker + ",true_false,t,easy,1,Caf"), new byte[] {(byte) 0xe9},
        bytes(",true\n"));
    byte[] latin1Roster = concat(bytes(ROSTER_HEADER + marker + ",Ren"), new byte[] {(byte) 0xe9, (byte) 0xff, (byte) 0xfe},
        bytes("\n"));
    files.add(new Hostile("invalid UTF-8", 400, latin1, "not UTF-8", latin1Roster, "not UTF-8"));
    byte[] overlong = concat(bytes(BANK_HEADER + marker + ",true_false,t,easy,1,"), new byte[] {(byte) 0xc0,
        (byte) 0xaf, (byte) 0xed, (byte) 0xa0, (byte) 0x80}, bytes(",true\n"));
    byte[] overlongRoster = concat(bytes(ROSTER_HEADER + marker + ","), new byte[] {(byte) 0xc0, (byte) 0xaf}, bytes("\n"));
    files.add(new Hostile("overlong and surrogate UTF-8", 400, overlong, "not UTF-8", overlongRoster, "not UTF-8"));

    StringBuilder failing = new StringBuilder(marker + ",c\n");
    StringBuilder failingRoster = new StringBuilder(marker + ",c,d\n");
    while (failing.length() < 4 * 1024 * 1024 - 1024) {
      failing.append("a\n");
    }
    while (failingRoster.length() < 4 * 1024 * 1024 - 1024) {
      failingRoster.append("a,b,c\n");
    }
    files.add(new Hostile("4 MiB of rows that each fail", 400, bytes(BANK_HEADER + failing),
        "more than 200 problems", bytes(ROSTER_HEADER + failingRoster), "more than 200 problems"));
    return files;
  }

  @Test
  @DisplayName("a bank upload that is too large, a picture, very wide, deeply quoted or not UTF-8 is refused with a "
      + "message, writes nothing, keeps no file, and the server answers")
  void hostileBanks() {
    String marker = "QW-MARK-" + UUID.randomUUID();
    for (Hostile file : hostileFiles(marker)) {
      Map<String, String> before = school.fingerprint(WRITTEN);
      HttpResponse<Buffer> response = uploadBank("bank.csv", file.bank());
      assertThat(response.statusCode()).as(file.name()).isEqualTo(file.status());
      assertThat(response.getHeader("Content-Type")).as(file.name()).isEqualTo("text/html; charset=utf-8");
      String page = response.bodyAsString();
      assertThat(page).as(file.name()).contains(file.bankSays())
          .containsAnyOf("nothing was imported", "File too large", "is not a text file");
      assertThat(page.length()).as(file.name() + ": a page of reasonable size").isLessThan(200_000);
      assertThat(school.fingerprint(WRITTEN)).as(file.name()).isEqualTo(before);
      assertNothingKept(marker);
      assertServerAnswers();
    }
  }

  @Test
  @DisplayName("a roster upload that is too large, a picture, very wide, deeply quoted or not UTF-8 is refused with "
      + "a message, adds no student, keeps no file, and the server answers")
  void hostileRosters() {
    String marker = "QW-MARK-" + UUID.randomUUID();
    for (Hostile file : hostileFiles(marker)) {
      Map<String, String> before = school.fingerprint(WRITTEN);
      HttpResponse<Buffer> response = uploadRoster("roster.csv", file.roster());
      assertThat(response.statusCode()).as(file.name()).isEqualTo(file.status());
      assertThat(response.getHeader("Content-Type")).as(file.name()).isEqualTo("text/html; charset=utf-8");
      String page = response.bodyAsString();
      assertThat(page).as(file.name()).contains(file.rosterSays())
          .containsAnyOf("Nothing was changed", "File too large").doesNotContain("bank");
      assertThat(page.length()).as(file.name() + ": a page of reasonable size").isLessThan(200_000);
      assertThat(school.fingerprint(WRITTEN)).as(file.name()).isEqualTo(before);
      assertNothingKept(marker);
      assertServerAnswers();
    }
  }

  @Test
  @DisplayName("an uploaded file's name never becomes a path: nothing is written under it, inside the spool or "
      + "out of it, and nothing uploaded is kept after the request")
  void fileNamesAreNotPaths() throws IOException {
    String id = UUID.randomUUID().toString();
    Path cwd = Path.of("").toAbsolutePath();
    List<String> names = List.of("../../etc/passwd-" + id + ".csv", "..\\..\\" + id + "-x.csv", "../" + id + ".csv",
        "/tmp/" + id + "-absolute.csv", "..%2F..%2F" + id + "-encoded.csv", "./" + id + "-dot.csv");
    int accepted = 0;
    for (String name : names) {
      String marker = "QW-NAME-" + UUID.randomUUID();
      HttpResponse<Buffer> bank = uploadBank(name, bytes("id,type,topic,difficulty,points,prompt,answer\n"
          + "n1,true_false,Names,easy,1," + marker + ",true\n"));
      assertThat(bank.statusCode()).as(name + ": " + bank.bodyAsString()).isIn(303, 400);
      accepted += bank.statusCode() == 303 ? 1 : 0;
      HttpResponse<Buffer> roster = uploadRoster(name, bytes("student_id,name\nN-" + accepted + "-" + marker.substring(8, 16)
          + "," + marker.substring(0, 30) + "\n"));
      assertThat(roster.statusCode()).as(name).isIn(200, 400);
      assertNothingKept(marker);
    }
    assertThat(accepted).as("the path-like names are ordinary .csv files to the bank form").isGreaterThanOrEqualTo(5);
    for (Path root : List.of(SPOOL, SPOOL.getParent(), cwd, cwd.getParent(), Path.of("/"), Path.of("/etc"),
        Path.of("/tmp"))) {
      try (Stream<Path> files = Files.list(root)) {
        assertThat(files.map(Path::toString).filter(file -> file.contains(id)).toList()).as(root.toString()).isEmpty();
      }
    }
    for (String name : names) {
      for (Path base : List.of(SPOOL, cwd, DEFAULT_SPOOL.toAbsolutePath())) {
        Path resolved = base.resolve(name).normalize();
        assertThat(Files.exists(resolved)).as(resolved.toString()).isFalse();
      }
    }
    assertServerAnswers();
  }
}
