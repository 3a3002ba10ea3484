package io.quizworks.browser;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser against a real server: one Quizworks on a fresh database and one headless Chromium (the
 * system's, driven by the system chromedriver, never a downloaded one) for each test class, shared by its
 * tests. Waits are explicit; {@link #assertAccessible(String)} runs axe-core over the current page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = System.getProperty("quizworks.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("quizworks.chromedriver", "/usr/bin/chromedriver");
  private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  protected Vertx vertx;
  protected TestDatabase database;
  protected Quizworks app;
  protected ChromeDriver driver;
  protected WebDriverWait wait;
  private Path profile;

  /** Keeps what the browser showed when a test fails, beside the screenshots the tests take on purpose. */
  @RegisterExtension
  final TestWatcher keepFailures = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (driver != null) {
        String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
          screenshot(name);
          Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (RuntimeException | IOException ignored) {
          // The failure itself is what matters.
        }
      }
      if (database != null) {
        try {
          Files.writeString(SCREENSHOTS.resolve("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
              + context.getRequiredTestMethod().getName() + "-db.txt"), databaseActivity());
        } catch (RuntimeException | IOException | SQLException ignored) {
          // As above.
        }
      }
    }
  };

  /** What the server's connections were doing: a page that never loads is often a query that never ends. */
  private String databaseActivity() throws SQLException {
    PgConnectOptions server = TestDatabase.server();
    StringBuilder out = new StringBuilder();
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + server.getHost() + ":"
            + server.getPort() + "/postgres", server.getUser(), server.getPassword());
        PreparedStatement statement = connection.prepareStatement("select pid, state, wait_event_type, wait_event, "
            + "now() - query_start as running_for, query from pg_stat_activity where datname = ? order by query_start")) {
      statement.setString(1, database.name());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          out.append(rows.getInt("pid")).append(" | ").append(rows.getString("state")).append(" | ")
              .append(rows.getString("wait_event_type")).append('/').append(rows.getString("wait_event")).append(" | ")
              .append(rows.getString("running_for")).append(" | ").append(rows.getString("query").replace('\n', ' '))
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  @BeforeAll
  void startServerAndBrowser() throws IOException {
    vertx = Vertx.vertx();
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();

    profile = Files.createTempDirectory("quizworks-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    // A page the server never answers fails its test in half a minute, not in Selenium's five.
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterAll
  void stopServerAndBrowser() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      try {
        if (app != null) {
          app.stop(vertx).await();
        }
        vertx.close().await();
      } finally {
        database.close();
        deleteQuietly(profile);
      }
    }
  }

  protected String url(String path) {
    return "http://localhost:" + app.port() + path;
  }

  protected void open(String path) {
    driver.get(url(path));
    wait.until(d -> "complete".equals(js("return document.readyState")));
  }

  protected Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  protected WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  protected void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  protected void waitForPath(String path) {
    wait.until(d -> d.getCurrentUrl().equals(url(path)));
    wait.until(d -> "complete".equals(js("return document.readyState")));
  }

  /** Signs the browser out of whatever it was: cookies and this origin's stored answers go. */
  protected void forgetEverything() {
    open("/");
    js("localStorage.clear(); sessionStorage.clear();");
    driver.manage().deleteAllCookies();
  }

  protected void setOffline(boolean offline) {
    ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
    conditions.setOffline(offline);
    driver.setNetworkConditions(conditions);
  }

  /** Runs axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on the page as it is now; fails listing each violation. */
  protected void assertAccessible(String where) {
    Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
    if (results.isErrored()) {
      fail(where + ": axe-core failed to run: " + results.getErrorMessage());
    }
    List<Rule> violations = results.getViolations();
    if (!violations.isEmpty()) {
      StringBuilder report = new StringBuilder(where).append(" (").append(driver.getCurrentUrl()).append(") has ")
          .append(violations.size()).append(" accessibility violation(s):");
      for (Rule rule : violations) {
        report.append("\n- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
            .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")");
        for (CheckedNode node : rule.getNodes()) {
          report.append("\n    at ").append(node.getTarget()).append(": ")
              .append(Optional.ofNullable(node.getFailureSummary()).orElse("").replace("\n", " "));
        }
      }
      fail(report.toString());
    }
  }

  /** Saves the whole page (not only the window) as target/screenshots/{name}.png and returns where. */
  protected Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      js("window.scrollTo(0, 0)"); // so a sticky bar is drawn where it starts, not mid-page
      Number width = (Number) js("return document.documentElement.scrollWidth");
      Number height = (Number) js("return Math.min(document.documentElement.scrollHeight, 10000)");
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
          "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temp folder left behind is harmless.
    }
  }
}
