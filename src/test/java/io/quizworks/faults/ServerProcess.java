package io.quizworks.faults;

import io.quizworks.Main;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate JVM (the test classpath, {@link Main}, configuration through the environment as
 * in production), its output in a log file under {@code target/faults/}. Closing it kills it if it still
 * runs; so does a shutdown hook, should the test JVM end first.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("Quizworks is serving on http://localhost:(\\d+)");

  private final Process process;
  private final Path log;
  private final Thread killer;
  private final int port;

  private ServerProcess(Process process, Path log, Thread killer, int port) {
    this.process = process;
    this.log = log;
    this.killer = killer;
    this.port = port;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code Main} with these variables (on top of this JVM's, minus DATABASE_URL) and waits until it serves. */
  static ServerProcess start(String name, Map<String, String> env) {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    try {
      Path dir = Files.createDirectories(Path.of("target", "faults"));
      Path log = dir.resolve(name + "-" + System.nanoTime() + ".log");
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), Main.class.getName())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().remove("DATABASE_URL");
      builder.environment().putAll(env);
      Process process = builder.start();
      Thread killer = new Thread(process::destroyForcibly, "kill " + name);
      Runtime.getRuntime().addShutdownHook(killer);
      ServerProcess started = null;
      try {
        started = new ServerProcess(process, log, killer, awaitServing(process, log));
        return started;
      } finally {
        if (started == null) {
          new ServerProcess(process, log, killer, -1).close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int awaitServing(Process process, Path log) throws IOException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Matcher matcher = SERVING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with " + process.exitValue() + " before serving:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      SaveLog.pause(100);
    }
    throw new AssertionError("the server did not serve within 60 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux. Returns the exit value, which
   * for a process ended by a signal is 128 + the signal's number (137 for SIGKILL).
   */
  int killNine() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the server survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      killNine();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
