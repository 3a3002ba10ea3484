package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.DatabaseBootstrap;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Importing a bank into PostgreSQL")
class BankImporterTest {
  private static final String HEADER = "id,type,topic,difficulty,points,prompt,choice_a,choice_b,answer,feedback";
  private static final String Q1 = "q1,single_choice,Roles,easy,1,Who bridges design and production?,Manager,Engineer,B,Engineers do.";
  private static final String Q2 = "q2,true_false,Roles,easy,1,Workers are the backbone.,,,true,They are.";
  private static final String Q3 = "q3,short_answer,Automation,medium,2,Name a new job.,,,data analyst|robotics technician,";

  private static TestDatabase database;
  private static Pool pool;
  private static BankImporter importer;
  private static long ada;
  private static long ben;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.create();
    new DatabaseBootstrap(database.options()).prepare();
    pool = Quizworks.pool(vertx, database.options());
    importer = new BankImporter(vertx, pool);
    database.execute("insert into teacher (email, name, password_hash) values ('ada@school.test', 'Ada', 'x'), "
        + "('ben@school.test', 'Ben', 'x')");
    ada = database.queryLong("select id from teacher where email = 'ada@school.test'");
    ben = database.queryLong("select id from teacher where email = 'ben@school.test'");
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    database.close();
  }

  @BeforeEach
  void empty() {
    database.execute("delete from bank");
  }

  private static ImportResult importCsv(String... rows) {
    String csv = HEADER + "\n" + String.join("\n", rows) + "\n";
    return importer.importCsv("roles", "Roles", null, csv.getBytes(StandardCharsets.UTF_8)).await();
  }

  private static long liveQuestions() {
    return database.queryLong("select count(*) from question where retired_at is null");
  }

  @Test
  @DisplayName("a clean file lands whole, keys and content in their own columns")
  void cleanFile() {
    ImportResult result = importCsv(Q1, Q2, Q3);
    assertThat(result.summary()).contains(new ImportSummary("roles", 3, 0, 0, 0));
    assertThat(database.queryLong("select count(*) from bank where slug = 'roles' and title = 'Roles'")).isEqualTo(1);
    assertThat(liveQuestions()).isEqualTo(3);
    assertThat(database.queryLong("select count(*) from question where ref = 'q1' and answer_key->>'correct' = 'B' "
        + "and content::text not like '%correct%' and points = 1")).isEqualTo(1);
  }

  @Test
  @DisplayName("a file with one bad row lands nothing, not even the bank")
  void badRowLandsNothing() {
    ImportResult result = importCsv(Q1, "q2,true_false,Roles,easy,1,Workers are the backbone.,,,perhaps,", Q3);
    assertThat(result.isImported()).isFalse();
    assertThat(result.errors()).extracting(RowError::message)
        .containsExactly("Row 3, column answer: found `perhaps`, expected true or false.");
    assertThat(database.queryLong("select count(*) from bank")).isZero();
    assertThat(database.queryLong("select count(*) from question")).isZero();
  }

  @Test
  @DisplayName("a bad file leaves an existing bank exactly as it was")
  void badFileKeepsOldVersion() {
    importCsv(Q1, Q2);
    importCsv(Q1.replace("Engineers do.", "Changed"), "q9,numeric,Roles,easy,1,How many?,,,many,");
    assertThat(database.queryLong("select count(*) from question where feedback = 'Engineers do.'")).isEqualTo(1);
    assertThat(liveQuestions()).isEqualTo(2);
  }

  @Test
  @DisplayName("importing the same file again changes nothing")
  void idempotent() {
    importCsv(Q1, Q2, Q3);
    long stamp = database.queryLong("select sum(extract(epoch from updated_at) * 1000000)::bigint from question");
    ImportResult again = importCsv(Q1, Q2, Q3);
    assertThat(again.summary()).contains(new ImportSummary("roles", 0, 0, 3, 0));
    assertThat(database.queryLong("select count(*) from question")).isEqualTo(3);
    assertThat(database.queryLong("select sum(extract(epoch from updated_at) * 1000000)::bigint from question"))
        .isEqualTo(stamp);
  }

  @Test
  @DisplayName("an edited row updates its question by id, keeping the question's identity")
  void editedRowUpdates() {
    importCsv(Q1, Q2);
    long id = database.queryLong("select id from question where ref = 'q1'");
    ImportResult edited = importCsv(Q1.replace(",B,", ",A,"), Q2);
    assertThat(edited.summary()).contains(new ImportSummary("roles", 0, 1, 1, 0));
    assertThat(database.queryLong("select id from question where ref = 'q1' and answer_key->>'correct' = 'A'"))
        .isEqualTo(id);
  }

  @Test
  @DisplayName("a row removed from the file retires its question, and putting it back revives it")
  void removedRowRetires() {
    importCsv(Q1, Q2, Q3);
    assertThat(importCsv(Q1, Q3).summary()).contains(new ImportSummary("roles", 0, 1, 1, 1));
    assertThat(liveQuestions()).isEqualTo(2);
    assertThat(database.queryLong("select count(*) from question where ref = 'q2' and retired_at is not null"))
        .isEqualTo(1);
    assertThat(importCsv(Q1, Q2, Q3).summary()).contains(new ImportSummary("roles", 0, 2, 1, 0));
    assertThat(liveQuestions()).isEqualTo(3);
  }

  @Test
  @DisplayName("a write that fails half-way rolls back the whole bank")
  void oneTransaction() {
    Question good = new QuestionCsvReader()
        .read((HEADER + "\n" + Q2 + "\n").getBytes(StandardCharsets.UTF_8)).questions().get(0);
    // PostgreSQL refuses a NUL character in text, so the second write fails after the first succeeded.
    Question refused = new Question("q3", good.type(), "NUL \u0000 inside", good.points(), good.topic(),
        good.difficulty(), good.choices(), good.key(), good.feedback(), good.source());
    assertThatThrownBy(() -> importer.importBank("broken", "Broken", null, List.of(good, refused)).await())
        .isInstanceOf(RuntimeException.class);
    assertThat(database.queryLong("select count(*) from bank where slug = 'broken'")).isZero();
  }

  @Test
  @DisplayName("a stored question reads back exactly as it was written, every type")
  void roundTrip() throws Exception {
    byte[] csv = getClass().getResourceAsStream("/csv/every-type.csv").readAllBytes();
    List<Question> written = new QuestionCsvReader().read(csv).questions();
    assertThat(written).hasSize(7);
    importer.importBank("every-type", "Every Type", null, written).await();
    BankPreview preview = new BankRepository(pool).preview("every-type", 0L).await().orElseThrow();
    assertThat(preview.questions()).usingRecursiveFieldByFieldElementComparator().isEqualTo(written);
  }

  @Test
  @DisplayName("a teacher's import never takes over a shared bank or another teacher's, nor a shared file a teacher's")
  void ownersKeepTheirBanks() {
    byte[] csv = (HEADER + "\n" + Q1 + "\n").getBytes(StandardCharsets.UTF_8);
    importCsv(Q1, Q2);
    assertThatThrownBy(() -> importer.importCsv("roles", "Mine now", ada, csv).await())
        .isInstanceOf(BankImporter.SlugTaken.class);
    importer.importCsv("adas", "Ada's", ada, csv).await();
    assertThatThrownBy(() -> importer.importCsv("adas", "Ben's now", ben, csv).await())
        .isInstanceOf(BankImporter.SlugTaken.class);
    assertThatThrownBy(() -> importer.importCsv("adas", "Shared now", null, csv).await())
        .isInstanceOf(BankImporter.SlugTaken.class);

    assertThat(database.queryLong("select count(*) from bank where slug = 'roles' and title = 'Roles' "
        + "and owner_id is null")).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from bank where slug = 'adas' and title = 'Ada''s' "
        + "and owner_id = " + ada)).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from question q join bank b on b.id = q.bank_id "
        + "where b.slug = 'roles' and q.retired_at is null")).isEqualTo(2);
    assertThat(importer.importCsv("adas", "Ada's, renamed", ada, csv).await().summary())
        .contains(new ImportSummary("adas", 0, 0, 1, 0));
  }
}
