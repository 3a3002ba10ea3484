package io.quizworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The demo flag and closed sign-up")
class DemoAndSignupTest {

  @Test
  @DisplayName("the demo start creates a teacher, a class of three and a 10-minute quiz, once, with the printed sign-ins")
  void demo(Vertx vertx) {
    try (TestDatabase database = TestDatabase.adopt(TestDatabase.freshName())) {
      Config config = Config.of(0, database.options(), Path.of("questions")).withDemo(true);
      Quizworks first = Quizworks.start(vertx, config).await();
      TestClient teacher = new TestClient(vertx, first.port());
      teacher.get("/signin");
      HttpResponse<Buffer> signIn = teacher.postForm("/signin",
          Map.of("email", DemoData.TEACHER_EMAIL, "password", DemoData.TEACHER_PASSWORD));
      assertThat(signIn.statusCode()).isEqualTo(303);
      assertThat(teacher.get("/teacher").bodyAsString()).contains("Demo class: Manufacturing", "MFG-234");
      for (String name : DemoData.STUDENTS) {
        TestClient student = new TestClient(vertx, first.port());
        assertThat(student.signInStudent(DemoData.CLASS_CODE, name, DemoData.STUDENT_PASSWORD).statusCode())
            .as(name).isEqualTo(303);
        assertThat(student.get("/student").bodyAsString()).contains("Manufacturing careers: 10-minute check",
            "10 minutes");
      }
      assertThat(database.queryLong("select count(*) from student where time_allowance = 1.5")).isEqualTo(1);
      first.stop(vertx).await();

      Quizworks again = Quizworks.start(vertx, config).await();
      again.stop(vertx).await();
      assertThat(database.queryLong("select count(*) from teacher")).isEqualTo(1);
      assertThat(database.queryLong("select count(*) from student")).isEqualTo(3);
      assertThat(database.queryLong("select count(*) from quiz")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a production start creates no demo accounts, and QUIZWORKS_SIGNUP=off closes teacher sign-up")
  void signupClosed(Vertx vertx) {
    try (TestDatabase database = TestDatabase.adopt(TestDatabase.freshName())) {
      Config config = Config.fromEnvironment(Map.of("QUIZWORKS_SIGNUP", "off", "PGHOST",
          database.options().getHost(), "PGPORT", String.valueOf(database.options().getPort()), "PGDATABASE",
          database.name(), "PGUSER", database.options().getUser(), "PORT", "0"));
      assertThat(config.demo()).isFalse();
      Quizworks app = Quizworks.start(vertx, config).await();
      try {
        TestClient visitor = new TestClient(vertx, app.port());
        assertThat(visitor.get("/signup").statusCode()).isEqualTo(403);
        visitor.get("/signin");
        HttpResponse<Buffer> post = visitor.postForm("/signup", Map.of("name", "Late", "email", "late@school.test",
            "password", "a long password"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.bodyAsString()).contains("Sign-up is closed");
        assertThat(database.queryLong("select count(*) from teacher")).isZero();
      } finally {
        app.stop(vertx).await();
      }
    }
  }
}
