package io.quizworks.faults;

import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, made with Debian's wrappers (see TESTING.md) on a free port under a
 * unique name, so a test may stop and restart it while the machine's shared cluster and other tests' clusters
 * stay up. Trust authentication for the {@code postgres} role over TCP on localhost. Closing it stops and
 * drops it; so does a shutdown hook, should the test JVM end first.
 */
final class PgCluster implements AutoCloseable {
  private static final Path CREATE = Path.of("/usr/bin/pg_createcluster");

  private final String version;
  private final String name;
  private final int port;
  private final Thread dropper;

  private PgCluster(String version, String name, int port) {
    this.version = version;
    this.name = name;
    this.port = port;
    this.dropper = new Thread(this::drop, "drop cluster " + name);
  }

  /** Why this machine cannot make a cluster, if it cannot: Debian's postgresql-common is missing. */
  static Optional<String> unavailable() {
    if (!Files.isExecutable(CREATE) || !Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
      return Optional.of("pg_createcluster/pg_ctlcluster (Debian's postgresql-common) are not installed: this fault "
          + "test needs a PostgreSQL cluster of its own to restart");
    }
    if (installedVersion().isEmpty()) {
      return Optional.of("no PostgreSQL server under /usr/lib/postgresql: this fault test needs one to make a cluster");
    }
    return Optional.empty();
  }

  private static Optional<String> installedVersion() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
          .map(v -> v.getFileName().toString())
          .max(Comparator.comparingDouble(Double::parseDouble));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Creates and starts a cluster named {@code faults_<random>} on a free port. */
  static PgCluster create() {
    String version = installedVersion().orElseThrow();
    String name = "faults_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    int port = ServerProcess.freePort();
    PgCluster cluster = new PgCluster(version, name, port);
    Runtime.getRuntime().addShutdownHook(cluster.dropper);
    boolean started = false;
    try {
      run("pg_createcluster", version, name, "--port", String.valueOf(port), "--", "--auth=trust");
      cluster.start();
      started = true;
      return cluster;
    } finally {
      if (!started) {
        cluster.close();
      }
    }
  }

  int port() {
    return port;
  }

  String name() {
    return name;
  }

  PgConnectOptions options(String database) {
    return new PgConnectOptions().setHost("127.0.0.1").setPort(port).setUser("postgres").setPassword("")
        .setDatabase(database);
  }

  void start() {
    ctl("start");
  }

  /** A fast shutdown (the default): open connections are ended, what was committed stays. */
  void stop() {
    ctl("stop");
  }

  void restart() {
    ctl("restart");
  }

  /** An immediate shutdown: every process quits at once, as in a crash; the next start replays the WAL. */
  void crash() {
    run("pg_ctlcluster", "--skip-systemctl-redirect", "-m", "immediate", version, name, "stop");
  }

  private void ctl(String action) {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, action);
  }

  private void drop() {
    try {
      crash();
    } catch (RuntimeException notRunning) {
      // stopped already, or never created
    }
    try {
      run("pg_dropcluster", "--stop", version, name);
    } catch (RuntimeException e) {
      if (Files.exists(Path.of("/etc/postgresql", version, name))) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    try {
      drop();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(dropper);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  /** Runs a command with its output in a file, not a pipe: the server it starts must not hold our pipe open. */
  private static String run(String... command) {
    List<String> line = new ArrayList<>(List.of(command));
    Path output = null;
    try {
      output = Files.createTempFile("pgcluster", ".out");
      Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", line) + " did not finish within 60 s");
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " exited with " + process.exitValue() + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // a temporary file
        }
      }
    }
  }
}
