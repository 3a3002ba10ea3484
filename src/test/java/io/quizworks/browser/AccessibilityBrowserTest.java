package io.quizworks.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page of the teacher's and the student's way through Quizworks, driven in the browser and checked
 * with axe-core against WCAG 2.2 AA. Problems on all pages are collected and reported together.
 */
@DisplayName("Accessibility (axe-core, WCAG 2.2 AA) of every page a teacher and a student use")
class AccessibilityBrowserTest extends BrowserTestBase {
  private static final String TEACHER_EMAIL = "axe@school.test";
  private static final String TEACHER_PASSWORD = "teacher password";

  private final List<String> problems = new ArrayList<>();
  private final List<String> checked = new ArrayList<>();

  private void check(String where) {
    checked.add(where);
    try {
      assertAccessible(where);
    } catch (AssertionError e) {
      problems.add(e.getMessage());
    }
  }

  private static Path csv(String name, String content) {
    try {
      Path file = Files.createTempFile(name + "-", ".csv");
      file.toFile().deleteOnExit();
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void submit(String formSelector) {
    driver.findElement(By.cssSelector(formSelector + " button[type=submit]")).click();
  }

  private void signInTeacher() {
    driver.manage().deleteAllCookies();
    open("/signin");
    visible(By.id("email")).sendKeys(TEACHER_EMAIL);
    driver.findElement(By.id("password")).sendKeys(TEACHER_PASSWORD);
    submit("form[action='/signin']");
    waitForPath("/teacher");
  }

  @Test
  @DisplayName("the check itself finds a known violation and names the rule and the element")
  void checkFindsViolations() {
    open("/");
    js("var img = document.createElement('img'); img.id = 'no-alt'; img.src = 'data:image/gif;base64,"
        + "R0lGODlhAQABAAAAACw='; document.querySelector('main').append(img);");
    assertThatThrownBy(() -> assertAccessible("a page with an image without alt text"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("image-alt")
        .hasMessageContaining("#no-alt");
  }

  @Test
  @DisplayName("start, sign-in, join, teacher, class, quiz, bank, attempt, confirmation dialog and result pages")
  void everyPage() {
    for (String path : List.of("/", "/join", "/student/signin", "/student/setup", "/signin", "/signup", "/no-such-page")) {
      open(path);
      check(path);
    }
    open("/join");
    submit("form[action='/join']");
    visible(By.cssSelector(".error-summary"));
    check("/join with errors");

    // The teacher, in the browser.
    open("/signup");
    visible(By.id("name")).sendKeys("Axe Teacher");
    driver.findElement(By.id("email")).sendKeys(TEACHER_EMAIL);
    driver.findElement(By.id("password")).sendKeys(TEACHER_PASSWORD);
    submit("form[action='/signup']");
    waitForPath("/teacher");
    check("/teacher without classes");
    visible(By.id("name")).sendKeys("Period 5 Manufacturing");
    submit("form[action='/classes']");
    wait.until(d -> d.getCurrentUrl().matches(".*/classes/\\d+$"));
    String classPath = driver.getCurrentUrl().substring(url("").length());
    String joinCode = visible(By.id("join-code")).getText();
    check("class page without students");

    driver.findElement(By.linkText("New quiz")).click();
    waitForPath(classPath + "/quizzes/new");
    check(classPath + "/quizzes/new");
    submit("form[action='" + classPath + "/quizzes']");
    visible(By.cssSelector(".error-summary"));
    check("new quiz form with errors");
    visible(By.id("title")).clear();
    driver.findElement(By.id("title")).sendKeys("Roles check");
    long bankId = database.queryLong("select id from bank where slug = 'manufacturing-roles'");
    driver.findElement(By.cssSelector("label[for='bank-" + bankId + "']")).click();
    driver.findElement(By.id("questionCount")).clear();
    driver.findElement(By.id("questionCount")).sendKeys("6");
    driver.findElement(By.id("timeLimit")).clear();
    driver.findElement(By.id("timeLimit")).sendKeys("10");
    new Select(driver.findElement(By.id("reviewPolicy"))).selectByValue("full");
    submit("form[action='" + classPath + "/quizzes']");
    wait.until(d -> d.getCurrentUrl().matches(".*/quizzes/\\d+$"));
    String quizPath = driver.getCurrentUrl().substring(url("").length());
    check("quiz page without attempts");

    open("/teacher");
    check("/teacher with a class");
    open("/banks");
    check("/banks");
    driver.findElement(By.cssSelector("a[href='/banks/manufacturing-roles']")).click();
    wait.until(d -> d.getCurrentUrl().contains("/banks/"));
    check("a bank page");
    open("/banks/upload");
    check("/banks/upload");
    Path broken = csv("broken-bank", "id,type,prompt\nq1,essay,Tell me\n");
    driver.findElement(By.id("file")).sendKeys(broken.toString());
    submit("form[action='/banks/upload']");
    visible(By.cssSelector(".error-summary"));
    check("/banks/upload with errors");
    visible(By.id("title")).sendKeys("Broken bank");
    driver.findElement(By.id("file")).sendKeys(broken.toString());
    submit("form[action='/banks/upload']");
    visible(By.cssSelector("table.problems"));
    check("/banks/upload with problems in the file");
    visible(By.id("title")).clear();
    driver.findElement(By.id("title")).sendKeys("My roles");
    driver.findElement(By.id("file")).sendKeys(Path.of("questions", "manufacturing-roles.csv").toAbsolutePath().toString());
    submit("form[action='/banks/upload']");
    wait.until(d -> d.getCurrentUrl().matches(".*/banks/upload/\\d+$"));
    check("bank upload preview");
    submit("form#confirm");
    wait.until(d -> !d.getCurrentUrl().contains("/upload"));
    check("an uploaded bank (" + driver.getCurrentUrl() + ")");

    open(classPath);
    driver.findElement(By.id("roster-file")).sendKeys(
        csv("roster", "student_id,name\nS100,Rita Roster\nS101,Sam Roster\n").toString());
    submit("form[action='" + classPath + "/roster']");
    wait.until(d -> d.getCurrentUrl().endsWith("/roster"));
    visible(By.cssSelector("table.codes"));
    check("roster uploaded, with one-time codes");
    open(classPath);
    driver.findElement(By.xpath("//tr[th[normalize-space(.)='Rita Roster']]//button[starts-with(normalize-space(.), "
        + "'New sign-in code')]")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/setup-code"));
    check("a new one-time sign-in code");

    // The student, in the same browser once the teacher's session is gone.
    driver.manage().deleteAllCookies();
    open("/join?code=" + joinCode);
    driver.findElement(By.id("name")).sendKeys("Axel Student");
    driver.findElement(By.id("password")).sendKeys("student password");
    submit("form[action='/join']");
    waitForPath("/student");
    check("/student");
    visible(By.xpath("//button[starts-with(normalize-space(.), 'Start')]")).click();
    wait.until(d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
    AttemptPage page = new AttemptPage(driver, wait);
    AttemptPage.Question first = page.questions().get(0);
    page.answer(first);
    page.waitForState(first.position(), "Saved");
    check("attempt page");
    driver.findElement(By.id("submit-button")).click();
    visible(By.id("confirm-submit"));
    check("attempt page with the confirmation dialog open");
    driver.findElement(By.id("confirm-yes")).click();
    wait.until(d -> d.getCurrentUrl().endsWith("/result"));
    String attemptId = driver.getCurrentUrl().replaceAll(".*/attempts/(\\d+)/result$", "$1");
    check("result page");
    open("/student");
    check("/student after an attempt");

    signInTeacher();
    open(quizPath);
    check("quiz page with an attempt");
    driver.findElement(By.cssSelector("a[href='" + quizPath + "/results']")).click();
    waitForPath(quizPath + "/results");
    check("quiz results");
    open(quizPath + "/attempts/" + attemptId);
    check("an attempt in the teacher's view");
    long questionId = database.queryLong("select coalesce((select q.id from attempt_question aq join question q on "
        + "q.id = aq.question_id where aq.attempt_id = " + attemptId + " and q.type in ('single_choice', 'true_false') "
        + "order by aq.position limit 1), 0)");
    if (questionId == 0) {
      checked.add("key correction: no choice question drawn, not checked");
    } else {
      String keyPath = quizPath + "/questions/" + questionId + "/key";
      driver.findElement(By.cssSelector("a[href='" + keyPath + "']")).click();
      waitForPath(keyPath);
      check("correcting a key");
      boolean trueFalse = database.queryLong("select ascii(type) from question where id = " + questionId) == 't';
      visible(By.id("answer")).clear();
      driver.findElement(By.id("answer")).sendKeys(trueFalse ? "true" : "A");
      driver.findElement(By.id("reason")).clear();
      driver.findElement(By.id("reason")).sendKeys("Checking the preview");
      submit("form[action='" + keyPath + "/preview']");
      waitForPath(keyPath + "/preview");
      check("re-scoring preview");
    }
    // A matching question's key is chosen pair by pair, one select per item, by typing as a keyboard user would.
    long matching = database.queryLong("select q.id from question q join bank b on b.id = q.bank_id "
        + "where b.slug = 'manufacturing-roles' and q.type = 'matching' order by q.id limit 1");
    String matchingKey = quizPath + "/questions/" + matching + "/key";
    open(matchingKey);
    check("correcting a matching key");
    String secondItem = new Select(driver.findElement(By.id("match_b"))).getFirstSelectedOption().getText();
    String thirdItem = new Select(driver.findElement(By.id("match_c"))).getFirstSelectedOption().getText();
    driver.findElement(By.id("match_b")).sendKeys(thirdItem);
    driver.findElement(By.id("match_c")).sendKeys(secondItem);
    driver.findElement(By.id("reason")).sendKeys("Checking the pairs");
    submit("form[action='" + matchingKey + "/preview']");
    waitForPath(matchingKey + "/preview");
    assertThat(driver.findElement(By.cssSelector("input[name='match_b']")).getAttribute("value"))
        .as("the second item's match, chosen by typing").isEqualTo(thirdItem);
    check("re-scoring preview of a matching key");
    open(quizPath + "/analysis");
    check("item analysis");
    open(classPath + "/exports");
    check("exports");
    open(classPath);
    check("class page with a student");

    System.out.println("Pages checked with axe-core:\n  " + String.join("\n  ", checked));
    assertThat(problems).as("accessibility violations").isEmpty();
  }
}
