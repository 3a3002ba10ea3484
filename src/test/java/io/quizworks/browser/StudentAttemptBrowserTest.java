package io.quizworks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("A student takes a quiz in a real browser")
class StudentAttemptBrowserTest extends BrowserTestBase {
  static final String STUDENT_PASSWORD = "student password";
  private static final Pattern SCORE = Pattern.compile("Score: ([0-9.]+) out of ([0-9.]+)");
  private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d+):(\\d\\d)");

  private School school;

  @BeforeAll
  void school() {
    school = new School(vertx, app.port(), database, "browser@school.test", "Period 3 Manufacturing");
  }

  @BeforeEach
  void freshBrowser() {
    forgetEverything();
  }

  /** Joins the class with its code on /join, as a new student would, and lands on /student. */
  void join(String name) {
    open("/join");
    visible(By.id("code")).sendKeys(school.joinCode);
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("password")).sendKeys(STUDENT_PASSWORD);
    driver.findElement(By.cssSelector("form[action='/join'] button[type=submit]")).click();
    waitForPath("/student");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your quizzes");
  }

  AttemptPage startQuiz(String title) {
    visible(By.xpath("//tr[th[normalize-space(.)='" + title + "']]//button[starts-with(normalize-space(.), 'Start')]"))
        .click();
    wait.until(d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
    return new AttemptPage(driver, wait);
  }

  long responses(long attemptId) {
    return database.queryLong("select count(*) from response where attempt_id = " + attemptId);
  }

  @Test
  @DisplayName("joins with the code, autosaves, keeps answers on the device while offline, sends them on return, "
      + "keeps them over a reload and submits through the confirmation dialog")
  void offlineAndBack() {
    school.quiz(Map.of("title", "Roles check", "questionCount", "6"));
    join("Ana Browser");
    AttemptPage page = startQuiz("Roles check");
    long attemptId = page.attemptId();
    List<AttemptPage.Question> questions = page.questions();
    assertThat(questions).hasSize(6);
    Map<Integer, Map<String, String>> given = new LinkedHashMap<>();

    for (AttemptPage.Question question : questions.subList(0, 2)) {
      given.put(question.position(), page.answer(question));
      page.waitForState(question.position(), "Saved");
    }
    assertThat(responses(attemptId)).isEqualTo(2);

    setOffline(true);
    try {
      for (AttemptPage.Question question : questions.subList(2, 4)) {
        given.put(question.position(), page.answer(question));
        page.waitForState(question.position(), "Not sent yet: kept on this device");
      }
      waitForText(By.id("connection"), "You are offline");
      assertThat(driver.findElement(By.id("connection")).getText()).contains("kept on this device");
      String pending = (String) js("return localStorage.getItem(arguments[0])", "quizworks-attempt-" + attemptId + "-pending");
      assertThat(pending).contains("\"" + questions.get(2).position() + "\"", "\"" + questions.get(3).position() + "\"");
      assertThat(responses(attemptId)).as("nothing reached the server while offline").isEqualTo(2);
    } finally {
      setOffline(false);
    }

    // Retries back off up to 30 s; the 'online' event usually sends at once.
    WebDriverWait patient = new WebDriverWait(driver, Duration.ofSeconds(45));
    for (int position : given.keySet()) {
      patient.until(ExpectedConditions.textToBe(By.id("q-" + position + "-state"), "Saved"));
    }
    waitForText(By.id("connection"), "Back online");
    assertThat(responses(attemptId)).isEqualTo(4);
    assertThat(js("return localStorage.getItem(arguments[0])", "quizworks-attempt-" + attemptId + "-pending"))
        .isEqualTo("{}");

    driver.navigate().refresh();
    page = new AttemptPage(driver, wait);
    for (var entry : given.entrySet()) {
      page.assertShows(entry.getValue());
      assertThat(page.state(entry.getKey())).isEqualTo("Saved");
      assertThat(driver.findElement(By.id("palette-" + entry.getKey())).getDomAttribute("class").split(" "))
          .as("question %d in the question list", entry.getKey()).contains("answered");
    }
    screenshot("attempt-page");

    driver.findElement(By.id("submit-button")).click();
    WebElement dialog = visible(By.id("confirm-submit"));
    List<String> unanswered = new ArrayList<>();
    questions.subList(4, 6).forEach(q -> unanswered.add("Question " + q.position()));
    assertThat(dialog.findElement(By.id("confirm-summary")).getText()).isEqualTo("2 questions are not answered:");
    assertThat(dialog.findElements(By.cssSelector("#confirm-unanswered li")).stream().map(WebElement::getText))
        .containsExactlyElementsOf(unanswered);
    screenshot("attempt-confirm-dialog");
    dialog.findElement(By.id("confirm-yes")).click();

    waitForPath("/attempts/" + attemptId + "/result");
    assertThat(driver.findElement(By.cssSelector("main p[role=status]")).getText()).contains("Your answers were submitted");
    Matcher score = SCORE.matcher(visible(By.cssSelector(".score")).getText());
    assertThat(score.find()).isTrue();
    assertThat(driver.findElements(By.cssSelector("ol.review > li"))).hasSize(6);
    screenshot("result-page");

    assertThat(database.queryLong("select count(*) from attempt where id = " + attemptId
        + " and status = 'submitted' and submitted_at is not null and score is not null")).isEqualTo(1);
    assertThat(responses(attemptId)).isEqualTo(4);
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId
        + " and points is not null")).as("every stored response was scored").isEqualTo(4);
    assertThat(new BigDecimal(score.group(1))).isEqualByComparingTo(scalar("score", attemptId));
    assertThat(new BigDecimal(score.group(2))).isEqualByComparingTo(scalar("max_score", attemptId));
  }

  @Test
  @DisplayName("a one-minute quiz counts down, skips the thresholds already passed and submits itself at the deadline")
  void timeRunsOut() {
    school.quiz(Map.of("title", "One minute check", "questionCount", "6", "timeLimit", "1", "topic", "Factory manager"));
    join("Tim Timer");
    AttemptPage page = startQuiz("One minute check");
    long attemptId = page.attemptId();

    WebElement announcer = driver.findElement(By.id("announcer"));
    assertThat(announcer.getDomAttribute("aria-live")).isEqualTo("polite");
    // Everything the live region says, kept in this tab's sessionStorage so it outlives the page.
    js("var region = document.getElementById('announcer'), said = [];"
        + "new MutationObserver(function () { if (region.textContent) { said.push(region.textContent);"
        + " sessionStorage.setItem('announced', JSON.stringify(said)); } })"
        + ".observe(region, {childList: true, characterData: true, subtree: true});");
    wait.until(d -> CLOCK.matcher(d.findElement(By.id("timer-value")).getText()).matches());
    int first = seconds(driver.findElement(By.id("timer-value")).getText());
    assertThat(first).isBetween(30, 60);
    wait.until(d -> seconds(d.findElement(By.id("timer-value")).getText()) < first);

    // A choice question answered correctly, so the score at the deadline shows it counted.
    long position = database.queryLong("select min(aq.position) from attempt_question aq join question q on q.id = "
        + "aq.question_id where aq.attempt_id = " + attemptId + " and q.type in ('single_choice', 'true_false')");
    String type = database.queryLong("select ascii(q.type) from attempt_question aq join question q on q.id = "
        + "aq.question_id where aq.attempt_id = " + attemptId + " and aq.position = " + position) == 't'
        ? "true_false" : "single_choice";
    String value = type.equals("true_false")
        ? (database.queryLong("select ((q.answer_key->>'value')::boolean)::int from attempt_question aq join question q"
            + " on q.id = aq.question_id where aq.attempt_id = " + attemptId + " and aq.position = " + position) == 1
            ? "true" : "false")
        : String.valueOf((char) database.queryLong("select ascii(q.answer_key->>'correct') from attempt_question aq join "
            + "question q on q.id = aq.question_id where aq.attempt_id = " + attemptId + " and aq.position = " + position));
    driver.findElement(By.cssSelector("label[for='q-" + position + "-" + value + "']")).click();
    page.waitForState((int) position, "Saved");

    // Less than a minute is left from the start, so "1 minute left" was behind us and is not announced.
    assertThat(announcer.getDomProperty("textContent")).isEmpty();

    long started = System.nanoTime();
    new WebDriverWait(driver, Duration.ofSeconds(90))
        .until(ExpectedConditions.urlToBe(url("/attempts/" + attemptId + "/result")));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(90));
    wait.until(d -> "complete".equals(js("return document.readyState")));
    assertThat(driver.findElement(By.cssSelector("main p[role=status]")).getText()).contains("Time ran out");
    assertThat((String) js("return sessionStorage.getItem('announced')"))
        .as("what the polite live region announced").contains("Time is up").doesNotContain("minute left");
    Matcher score = SCORE.matcher(visible(By.cssSelector(".score")).getText());
    assertThat(score.find()).isTrue();
    screenshot("result-page-time-ran-out");

    assertThat(database.queryLong("select count(*) from attempt where id = " + attemptId
        + " and status = 'auto_submitted' and submitted_at = deadline")).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from response r join attempt_question aq on aq.attempt_id = "
        + "r.attempt_id and aq.question_id = r.question_id where r.attempt_id = " + attemptId + " and aq.position = "
        + position + " and r.outcome = 'correct' and r.points > 0")).isEqualTo(1);
    BigDecimal earned = scalar("score", attemptId);
    assertThat(earned).isPositive();
    assertThat(new BigDecimal(score.group(1))).isEqualByComparingTo(earned);
  }

  private BigDecimal scalar(String column, long attemptId) {
    // queryLong reads integers; scores have two decimals, so read hundredths.
    return BigDecimal.valueOf(database.queryLong("select (" + column + " * 100)::bigint from attempt where id = "
        + attemptId), 2);
  }

  private static int seconds(String clock) {
    Matcher m = CLOCK.matcher(clock.strip());
    if (!m.matches()) {
      return Integer.MAX_VALUE;
    }
    int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
  }
}
