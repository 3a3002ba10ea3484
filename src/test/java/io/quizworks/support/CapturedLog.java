package io.quizworks.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What one class logs from when this is opened until it is closed, for tests that assert on log lines. */
public final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLog(Class<?> source) {
    logger = (Logger) LoggerFactory.getLogger(source);
    appender.start();
    logger.addAppender(appender);
  }

  public static CapturedLog of(Class<?> source) {
    return new CapturedLog(source);
  }

  /** Every event so far as {@code "LEVEL message"}. */
  public List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }
  }

  /** The messages logged so far at exactly this level. */
  public List<String> messages(Level level) {
    synchronized (appender) {
      return appender.list.stream().filter(event -> event.getLevel() == level)
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  /** How many events so far carried an exception, whose stack trace the log would print. */
  public long withStackTraces() {
    synchronized (appender) {
      return appender.list.stream().filter(event -> event.getThrowableProxy() != null).count();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
