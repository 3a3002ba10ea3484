package io.quizworks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {
  @Test
  void defaultsAreTheIssuesTable() {
    LoadOptions options = LoadOptions.parse("exam");

    assertThat(options.server()).hasToString("http://localhost:8080");
    assertThat(options.students()).isEqualTo(100);
    assertThat(options.releaseSeconds()).isEqualTo(10);
    assertThat(options.thinkSeconds()).isEqualTo(5);
    assertThat(options.questions()).isEqualTo(20);
    assertThat(options.p99LimitMs()).isEqualTo(50);
    assertThat(options.errorLimit()).isEqualTo(0.001);
    assertThat(options.pgbenchClients()).isEqualTo(16);
    assertThat(options.warmUpStudents()).isEqualTo(500);
    assertThat(options.warmUpRounds()).isEqualTo(10);
  }

  @Test
  void readsEveryOptionGiven() {
    LoadOptions options = LoadOptions.parse("rate", "--students", "10000", "--release", "2.5", "--think", "0",
        "--server", "http://10.0.0.2:9000", "--rate-factor", "1.5", "--step-seconds", "30");

    assertThat(options.mode()).isEqualTo("rate");
    assertThat(options.students()).isEqualTo(10_000);
    assertThat(options.releaseSeconds()).isEqualTo(2.5);
    assertThat(options.thinkSeconds()).isZero();
    assertThat(options.server().getPort()).isEqualTo(9000);
    assertThat(options.rateFactor()).isEqualTo(1.5);
    assertThat(options.stepSeconds()).isEqualTo(30);
  }

  @Test
  void refusesWhatItCannotRun() {
    assertThatThrownBy(() -> LoadOptions.parse()).hasMessageContaining("Name a mode first: exam or rate");
    assertThatThrownBy(() -> LoadOptions.parse("soak")).hasMessageContaining("Name a mode first");
    assertThatThrownBy(() -> LoadOptions.parse("exam", "--students"))
        .hasMessageContaining("Expected --option value, found \"--students\"");
    assertThatThrownBy(() -> LoadOptions.parse("exam", "--students", "0"))
        .hasMessage("--students must be a whole number from 1 to 1000000, not \"0\".");
    assertThatThrownBy(() -> LoadOptions.parse("exam", "--think", "soon"))
        .hasMessage("--think must be a number from 0.0 to 3600.0, not \"soon\".");
    assertThatThrownBy(() -> LoadOptions.parse("exam", "--student", "5")).hasMessageStartingWith("Unknown option --student.");
    assertThatThrownBy(() -> LoadOptions.parse("rate", "--rate-factor", "1")).hasMessageContaining("--rate-factor");
  }
}
