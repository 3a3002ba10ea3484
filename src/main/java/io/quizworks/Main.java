package io.quizworks;

import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.quizworks.system.StartupException;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Quizworks with its configuration from the environment (see README.md). */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Config config;
    try {
      config = Config.fromEnvironment(System.getenv());
      if (List.of(args).contains("--demo")) {
        config = config.withDemo(true);
      }
    } catch (StartupException e) {
      LOG.error(e.getMessage());
      System.exit(1);
      return;
    }
    Vertx vertx = Vertx.vertx();
    Quizworks.start(vertx, config)
        .onSuccess(app -> LOG.info("Quizworks is serving on http://localhost:{}", app.port()))
        .onFailure(failure -> {
          LOG.error(failure instanceof StartupException ? failure.getMessage() : "Start-up failed: " + failure);
          vertx.close().onComplete(closed -> System.exit(1));
        });
  }
}
