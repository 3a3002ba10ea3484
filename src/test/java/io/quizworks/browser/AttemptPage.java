package io.quizworks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The attempt page as a student uses it with a mouse: answers any question type and reads back what it shows. */
final class AttemptPage {
  /** One question as the page lists it. */
  record Question(int position, String type) {}

  private final WebDriver driver;
  private final Duration timeout;

  AttemptPage(WebDriver driver, WebDriverWait wait) {
    this.driver = driver;
    this.timeout = Duration.ofSeconds(15);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
  }

  long attemptId() {
    return Long.parseLong(driver.findElement(By.id("attempt")).getDomAttribute("data-attempt"));
  }

  List<Question> questions() {
    return driver.findElements(By.cssSelector("section.question")).stream()
        .map(s -> new Question(Integer.parseInt(s.getDomAttribute("data-position")), s.getDomAttribute("data-type")))
        .toList();
  }

  WebElement section(int position) {
    return driver.findElement(By.id("q-" + position));
  }

  String state(int position) {
    return driver.findElement(By.id("q-" + position + "-state")).getText();
  }

  void waitForState(int position, String text) {
    new WebDriverWait(driver, timeout)
        .withMessage("question " + position + " to show \"" + text + "\"")
        .until(ExpectedConditions.textToBe(By.id("q-" + position + "-state"), text));
  }

  /**
   * Answers the question at this position, whatever its type, and returns what its controls should show
   * afterwards: element id to "checked" or to the value a text field or select holds.
   */
  Map<String, String> answer(Question question) {
    WebElement section = section(question.position());
    String name = "q-" + question.position();
    Map<String, String> expected = new LinkedHashMap<>();
    switch (question.type()) {
      case "single_choice", "true_false" -> {
        WebElement radio = section.findElements(By.cssSelector("input[name='" + name + "']")).get(0);
        section.findElement(By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']")).click();
        expected.put(radio.getDomAttribute("id"), "checked");
      }
      case "multiple_response" -> {
        for (WebElement box : section.findElements(By.cssSelector("input[name='" + name + "']")).subList(0, 2)) {
          box.click();
          expected.put(box.getDomAttribute("id"), "checked");
        }
      }
      case "short_answer", "numeric" -> {
        WebElement input = section.findElement(By.id(name + "-input"));
        String text = question.type().equals("numeric") ? "3" : "machine operator";
        input.sendKeys(text);
        expected.put(input.getDomAttribute("id"), text);
      }
      case "ordering" -> {
        List<WebElement> selects = section.findElements(By.tagName("select"));
        for (int i = 0; i < selects.size(); i++) {
          new Select(selects.get(i)).selectByValue(String.valueOf(i + 1));
          expected.put(selects.get(i).getDomAttribute("id"), String.valueOf(i + 1));
        }
      }
      case "matching" -> {
        List<WebElement> selects = section.findElements(By.tagName("select"));
        for (int i = 0; i < selects.size(); i++) {
          Select select = new Select(selects.get(i));
          select.selectByIndex(1 + i % (select.getOptions().size() - 1));
          expected.put(selects.get(i).getDomAttribute("id"), select.getFirstSelectedOption().getDomAttribute("value"));
        }
      }
      default -> throw new AssertionError("unknown question type " + question.type());
    }
    return expected;
  }

  /** Asserts that each control holds what {@link #answer} left in it. */
  void assertShows(Map<String, String> expected) {
    expected.forEach((id, value) -> {
      WebElement element = driver.findElement(By.id(id));
      if (value.equals("checked")) {
        assertThat(element.isSelected()).as("%s is checked", id).isTrue();
      } else {
        assertThat(element.getDomProperty("value")).as("value of %s", id).isEqualTo(value);
      }
    });
  }
}
