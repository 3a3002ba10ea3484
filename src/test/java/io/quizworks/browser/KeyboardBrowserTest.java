package io.quizworks.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A whole quiz without a mouse: every step is a key press (Tab, Shift+Tab, Space, Enter, arrow keys, typing)
 * sent to whatever has focus; nothing is clicked. Reading the page to decide where to go is allowed.
 */
@DisplayName("A student takes a whole quiz with the keyboard alone")
class KeyboardBrowserTest extends BrowserTestBase {
  /** More key presses than any page here needs to reach a control; a page that needs more is a finding. */
  private static final int MAX_TABS = 80;

  private School school;
  /** What had focus just before {@link #tabTo} reached its element: where Shift+Tab should go back to. */
  private WebElement reachedFrom;

  @BeforeAll
  void school() {
    school = new School(vertx, app.port(), database, "keys@school.test", "Period 1 Manufacturing");
  }

  private WebElement focused() {
    return driver.switchTo().activeElement();
  }

  private void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  private void shiftTab() {
    new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
  }

  private static Predicate<WebElement> id(String id) {
    return element -> id.equals(element.getDomAttribute("id"));
  }

  /** Presses Tab until the focused element is the one wanted; fails if it takes more than {@link #MAX_TABS}. */
  private WebElement tabTo(Predicate<WebElement> wanted, String what) {
    for (int i = 0; i < MAX_TABS; i++) {
      WebElement before = focused();
      press(Keys.TAB);
      WebElement element = focused();
      if (wanted.test(element)) {
        reachedFrom = before;
        return element;
      }
    }
    return fail("Tab never reached " + what + " in " + MAX_TABS + " presses");
  }

  private void assertFocusVisible(WebElement element, String what) {
    assertThat(element.getCssValue("outline-style")).as("outline of focused %s", what).isEqualTo("solid");
    assertThat(element.getCssValue("outline-width")).as("outline width of focused %s", what).isNotEqualTo("0px");
  }

  @Test
  @DisplayName("joins, starts, answers a choice, a text and an ordering question, submits through the dialog")
  void wholeQuizByKeyboard() {
    // Every question of one topic: it holds choice, text and ordering questions.
    school.quiz(Map.of("title", "Keyboard check", "topic", "Production worker", "questionCount",
        String.valueOf(database.queryLong("select count(*) from question q join bank b on b.id = q.bank_id where "
            + "b.slug = 'manufacturing-roles' and q.topic = 'Production worker' and q.retired_at is null"))));

    open("/join");
    WebElement skip = tabTo(e -> true, "anything");
    assertThat(skip.getText()).isEqualTo("Skip to content");
    assertThat(skip.getRect().getX()).as("the skip link shows when focused").isGreaterThanOrEqualTo(0);
    tabTo(id("code"), "the class code field");
    press(school.joinCode);
    press(Keys.TAB);
    assertThat(focused().getDomAttribute("id")).isEqualTo("name");
    press("Kay Board");
    press(Keys.TAB);
    assertThat(focused().getDomAttribute("id")).isEqualTo("password");
    press("student password", Keys.ENTER);
    waitForPath("/student");

    WebElement start = tabTo(e -> e.getTagName().equals("button") && e.getText().startsWith("Start"), "the Start button");
    assertFocusVisible(start, "Start button");
    press(Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().matches(".*/attempts/\\d+$"));
    AttemptPage page = new AttemptPage(driver, wait);
    long attemptId = page.attemptId();
    List<AttemptPage.Question> questions = page.questions();

    AttemptPage.Question choice = first(questions, "single_choice", "true_false");
    AttemptPage.Question text = first(questions, "short_answer", "numeric");
    AttemptPage.Question ordering = first(questions, "ordering", "matching");
    List<AttemptPage.Question> inPageOrder = questions.stream()
        .filter(q -> q == choice || q == text || q == ordering).toList();

    String choiceChecked = null;
    for (AttemptPage.Question question : inPageOrder) {
      String name = "q-" + question.position();
      if (question == choice) {
        WebElement radio = tabTo(e -> name.equals(e.getDomAttribute("name")), "question " + question.position());
        assertFocusVisible(radio, "radio button");
        press(Keys.SPACE);
        assertThat(radio.isSelected()).as("Space selects the focused radio button").isTrue();
        press(Keys.ARROW_DOWN);
        WebElement next = focused();
        assertThat(next.getDomAttribute("id")).isNotEqualTo(radio.getDomAttribute("id"));
        assertThat(next.isSelected()).as("the arrow key moves the selection").isTrue();
        assertThat(radio.isSelected()).isFalse();
        choiceChecked = next.getDomAttribute("id");
      } else if (question == text) {
        tabTo(id(name + "-input"), "question " + question.position() + "'s text field");
        WebElement previous = reachedFrom;
        shiftTab();
        assertThat(focused()).as("Shift+Tab goes back to where Tab came from").isEqualTo(previous);
        press(Keys.TAB);
        assertThat(focused().getDomAttribute("id")).as("and Tab forward again").isEqualTo(name + "-input");
        press(question.type().equals("numeric") ? "3" : "machine operator");
      } else {
        List<WebElement> selects = page.section(question.position()).findElements(By.tagName("select"));
        for (int i = 0; i < selects.size(); i++) {
          tabTo(id(selects.get(i).getDomAttribute("id")), "select " + (i + 1) + " of question " + question.position());
          for (int down = 0; down <= i; down++) {
            press(Keys.ARROW_DOWN);
          }
          String chosen = selects.get(i).getDomProperty("value");
          if (question.type().equals("ordering")) {
            assertThat(chosen).as("arrow keys choose place %d", i + 1).isEqualTo(String.valueOf(i + 1));
          } else {
            assertThat(chosen).as("arrow keys choose a match in select %d", i + 1).isNotEmpty();
          }
        }
      }
    }
    for (AttemptPage.Question question : inPageOrder) {
      page.waitForState(question.position(), "Saved");
    }
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId)).isEqualTo(3);
    assertThat(driver.findElement(By.id(choiceChecked)).isSelected()).isTrue();

    WebElement submit = tabTo(id("submit-button"), "the Submit answers button");
    assertFocusVisible(submit, "Submit answers button");
    // Going back up, each control scrolls into view below the sticky timer bar, not under it (WCAG 2.4.11).
    for (int i = 0; i < 20; i++) {
      shiftTab();
      @SuppressWarnings("unchecked")
      Map<String, Object> where = (Map<String, Object>) js("var r = document.activeElement.getBoundingClientRect(), "
          + "b = document.querySelector('.attempt-bar').getBoundingClientRect(); return {id: document.activeElement.id, "
          + "top: r.top, bottom: r.bottom, bar: b.bottom, height: window.innerHeight};");
      double top = ((Number) where.get("top")).doubleValue();
      assertThat(top).as("top of focused %s, under a bar ending at %s", where.get("id"), where.get("bar"))
          .isGreaterThanOrEqualTo(((Number) where.get("bar")).doubleValue());
      assertThat(((Number) where.get("bottom")).doubleValue()).as("bottom of focused %s", where.get("id"))
          .isLessThanOrEqualTo(((Number) where.get("height")).doubleValue());
    }
    tabTo(id("submit-button"), "the Submit answers button again");
    press(Keys.ENTER);
    WebElement dialog = visible(By.id("confirm-submit"));
    assertThat(dialog.findElements(By.cssSelector("#confirm-unanswered li"))).hasSize(questions.size() - 3);
    assertThat(dialog.findElements(By.cssSelector("#confirm-unanswered li")).stream().map(WebElement::getText))
        .doesNotContain("Question " + choice.position(), "Question " + text.position(), "Question " + ordering.position());
    // Escape closes the dialog and gives focus back to the button that opened it; Enter opens it again.
    press(Keys.ESCAPE);
    wait.until(d -> Boolean.FALSE.equals(js("return document.getElementById('confirm-submit').open")));
    assertThat(focused().getDomAttribute("id")).isEqualTo("submit-button");
    press(Keys.ENTER);
    visible(By.id("confirm-submit"));
    if (!"confirm-yes".equals(focused().getDomAttribute("id"))) {
      tabTo(id("confirm-yes"), "Submit now in the dialog");
    }
    press(Keys.ENTER);

    waitForPath("/attempts/" + attemptId + "/result");
    assertThat(driver.findElement(By.cssSelector("main p[role=status]")).getText()).contains("Your answers were submitted");
    assertThat(visible(By.cssSelector(".score")).getText()).matches("Score: [0-9.]+ out of [0-9.]+.*");
    assertThat(database.queryLong("select count(*) from attempt where id = " + attemptId
        + " and status = 'submitted' and score is not null")).isEqualTo(1);
  }

  private static AttemptPage.Question first(List<AttemptPage.Question> questions, String... types) {
    return questions.stream().filter(q -> List.of(types).contains(q.type())).findFirst()
        .orElseThrow(() -> new AssertionError("no question of type " + String.join(" or ", types)));
  }
}
