package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The streaming machinery on its own, against PostgreSQL: 20,000 rows of 1 KB (20 MB, more than the
 * kernel's socket buffers hold) to a reader that stops reading. The cursor must stop with it, and carry on
 * when it reads again; a reader that leaves, or a query that fails half-way, must give the connection back.
 * The pool has one connection, so a leaked one would make the next request hang.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("CsvStream: cursor to browser with back-pressure")
class CsvStreamTest {
  private static final int ROWS = 20_000;
  private static TestDatabase database;
  private static Pool pool;
  private static HttpServer server;
  private static final AtomicLong FORMATTED = new AtomicLong();

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.create();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(database.options()).using(vertx).build();
    Router router = Router.router(vertx);
    router.get("/rows").handler(ctx -> CsvStream.send(ctx, pool, SpreadsheetFormat.PLAIN, "attachment", connection ->
        Future.succeededFuture(new CsvStream.Plan("n,text\n",
            "select i, repeat('x', 1000) as text from generate_series(1, $1) i", Tuple.of(ROWS), row -> {
              FORMATTED.incrementAndGet();
              return row.getInteger("i") + "," + row.getString("text") + "\n";
            }))));
    router.get("/fails-half-way").handler(ctx -> CsvStream.send(ctx, pool, SpreadsheetFormat.PLAIN, "attachment",
        connection -> Future.succeededFuture(new CsvStream.Plan("n\n",
            "select i, 1 / (i - 10000) as boom, repeat('x', 1000) as text from generate_series(1, $1) i",
            Tuple.of(ROWS), row -> row.getInteger("i") + "," + row.getString("text") + "\n"))));
    router.get("/fails-at-once").handler(ctx -> CsvStream.send(ctx, pool, SpreadsheetFormat.PLAIN, "attachment",
        connection -> Future.succeededFuture(new CsvStream.Plan("n\n", "select no_such_column from generate_series(1, $1)",
            Tuple.of(1), row -> "x\n"))));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
  }

  @AfterAll
  static void stop() {
    server.close().await();
    pool.close().await();
    database.close();
  }

  /** A raw HTTP/1.1 client with a small receive window, so the server feels a slow reader at once. */
  private static final class Reader implements AutoCloseable {
    final Socket socket = new Socket();
    final InputStream in;
    final String status;

    Reader(String path) throws IOException {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("localhost", server.actualPort()));
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      in = new BufferedInputStream(socket.getInputStream(), 4096);
      status = line();
      for (String header = line(); !header.isEmpty(); header = line()) {
        // Headers are not needed here.
      }
    }

    String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    /** The body's lines (chunked encoding undone), or -1 if the connection ended before the last chunk. */
    long bodyLines() throws IOException {
      long lines = 0;
      byte[] buffer = new byte[65536];
      while (true) {
        String size = line();
        if (size.isEmpty()) {
          return -1;
        }
        int left = Integer.parseInt(size.split(";")[0].strip(), 16);
        if (left == 0) {
          return lines;
        }
        while (left > 0) {
          int read = in.read(buffer, 0, Math.min(buffer.length, left));
          if (read < 0) {
            return -1;
          }
          for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
          left -= read;
        }
        line();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static long waitUntilStill() throws InterruptedException {
    long before;
    long after = FORMATTED.get();
    do {
      before = after;
      Thread.sleep(750);
      after = FORMATTED.get();
    } while (after != before);
    return after;
  }

  @Test
  @DisplayName("a reader that stops reading stops the cursor; when it reads again every row arrives")
  void backPressure() throws Exception {
    FORMATTED.set(0);
    try (Reader reader = new Reader("/rows")) {
      assertThat(reader.status).startsWith("HTTP/1.1 200");
      long stalled = waitUntilStill();
      System.out.printf("CsvStream back-pressure: with the reader stopped, the cursor stopped after %d of %d rows%n",
          stalled, ROWS);
      assertThat(stalled).as("rows formatted while nobody reads").isLessThan(ROWS);
      assertThat(reader.bodyLines()).isEqualTo(ROWS + 1L);
      assertThat(FORMATTED.get()).isEqualTo(ROWS);
    }
    assertThat(nextDownloadWorks()).isTrue();
  }

  @Test
  @DisplayName("a reader that leaves mid-download frees the database connection")
  void readerLeaves() throws Exception {
    FORMATTED.set(0);
    try (Reader reader = new Reader("/rows")) {
      assertThat(reader.status).startsWith("HTTP/1.1 200");
      waitUntilStill();
    }
    assertThat(nextDownloadWorks()).as("the pool's only connection was given back").isTrue();
  }

  @Test
  @DisplayName("a query failing half-way cuts the download short instead of ending it cleanly")
  void failsHalfWay() throws Exception {
    try (Reader reader = new Reader("/fails-half-way")) {
      assertThat(reader.status).startsWith("HTTP/1.1 200");
      assertThat(reader.bodyLines()).as("no final chunk: the browser sees a failed download").isEqualTo(-1);
    }
    assertThat(nextDownloadWorks()).isTrue();
  }

  @Test
  @DisplayName("a query failing before any row answers 500")
  void failsAtOnce() throws Exception {
    try (Reader reader = new Reader("/fails-at-once")) {
      assertThat(reader.status).startsWith("HTTP/1.1 500");
    }
    assertThat(nextDownloadWorks()).isTrue();
  }

  private static boolean nextDownloadWorks() throws Exception {
    FORMATTED.set(0);
    try (Reader reader = new Reader("/rows")) {
      reader.socket.setSoTimeout(30_000);
      return reader.status.startsWith("HTTP/1.1 200") && reader.bodyLines() == ROWS + 1L;
    }
  }
}
