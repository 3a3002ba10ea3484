package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quizworks.web.Views;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Codes that collide in PostgreSQL's unique indexes are drawn again")
class ClassesTest {
  private static final Views VIEWS = new Views(ZoneId.of("UTC"));
  private static ClassesServer server;
  private static long teacherId;

  @BeforeAll
  static void start(Vertx vertx) {
    server = ClassesServer.start(vertx);
    server.database().execute("insert into teacher (email, name, password_hash) values ('t@school.test', 'T', 'x')");
    teacherId = server.count("select id from teacher where email = 't@school.test'");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Supplier<String> codes(String... codes) {
    Iterator<String> next = List.of(codes).iterator();
    return next::next;
  }

  @Test
  @DisplayName("A new class whose join code is taken gets the next code drawn")
  void createRetries() {
    Classes classes = new Classes(server.app().pool(), VIEWS, codes("KKKKKK", "KKKKKK", "MMMMMM"), codes());
    long first = classes.create(teacherId, "First").await();
    long second = classes.create(teacherId, "Second").await();
    assertThat(server.joinCode(first)).isEqualTo("KKKKKK");
    assertThat(server.joinCode(second)).isEqualTo("MMMMMM");
  }

  @Test
  @DisplayName("A regenerated join code that is taken is drawn again; the class keeps its old code until one fits")
  void regenerateRetries() {
    Classes classes = new Classes(server.app().pool(), VIEWS, codes("PPPPPP", "QQQQQQ", "PPPPPP", "RRRRRR"), codes());
    classes.create(teacherId, "Holds P").await();
    long classId = classes.create(teacherId, "Moves").await();
    assertThat(classes.newJoinCode(classId, teacherId).await()).isTrue();
    assertThat(server.joinCode(classId)).isEqualTo("RRRRRR");
  }

  @Test
  @DisplayName("After five collisions in a row the database's refusal is passed on, not retried for ever")
  void givesUp() {
    Classes classes = new Classes(server.app().pool(), VIEWS, codes("SSSSSS", "SSSSSS", "SSSSSS", "SSSSSS", "SSSSSS", "SSSSSS"),
        codes());
    classes.create(teacherId, "Holds S").await();
    assertThatThrownBy(() -> classes.create(teacherId, "Unlucky").await()).isInstanceOf(PgException.class);
  }

  @Test
  @DisplayName("A roster whose new one-time code collides with a live one is written again whole with fresh codes")
  void rosterRetries() {
    Classes classes = new Classes(server.app().pool(), VIEWS, codes("TTTTTT"),
        codes("AAAAAAAA", "AAAAAAAA", "BBBBBBBB", "CCCCCCCC", "DDDDDDDD"));
    long classId = classes.create(teacherId, "Roster").await();
    classes.applyRoster(classId, teacherId, List.of(new RosterEntry(2, "S1", "Ana", Optional.empty()))).await();

    RosterResult result = classes.applyRoster(classId, teacherId, List.of(
        new RosterEntry(2, "S2", "Ben", Optional.empty()), new RosterEntry(3, "S3", "Chloé", Optional.empty())))
        .await().orElseThrow();
    assertThat(result.added()).extracting(IssuedCode::code).containsExactly("CCCC-CCCC", "DDDD-DDDD");
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isEqualTo(3);
  }

  @Test
  @DisplayName("A roster for a class the teacher does not have writes nothing")
  void rosterForAnotherTeacher() {
    Classes classes = new Classes(server.app().pool(), VIEWS, codes("UUUUUU"), codes("EEEEEEEE"));
    long classId = classes.create(teacherId, "Not yours").await();
    assertThat(classes.applyRoster(classId, teacherId + 1000, List.of(new RosterEntry(2, "S1", "Ana", Optional.empty())))
        .await()).isEmpty();
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isZero();
  }
}
