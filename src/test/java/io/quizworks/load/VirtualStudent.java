package io.quizworks.load;

import io.quizworks.support.CookieJar;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One student's browser, reduced to the requests the pages make: its own cookies and CSRF token, the
 * attempt it is in and the questions it was shown. Every method fails with a {@link StepFailure} naming what
 * went wrong, so a report can count errors by kind.
 */
final class VirtualStudent {
  private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final long REQUEST_TIMEOUT_MS = 120_000;

  private final WebClient client;
  private final URI server;
  private final String origin;
  private final String name;
  private final CookieJar cookies = new CookieJar();
  private String csrf;
  private long attemptId;
  private List<AttemptItems.Item> items = List.of();

  VirtualStudent(WebClient client, URI server, String name) {
    this.client = client;
    this.server = server;
    this.origin = server.getScheme() + "://" + server.getAuthority();
    this.name = name;
  }

  long attemptId() {
    return attemptId;
  }

  List<AttemptItems.Item> items() {
    return items;
  }

  /** A failed step: {@code HTTP 503}, {@code timeout}, {@code connection}, {@code unexpected page}... */
  static final class StepFailure extends RuntimeException {
    StepFailure(String kind) {
      super(kind, null, false, false);
    }

    static String kindOf(Throwable failure) {
      if (failure instanceof StepFailure) {
        return failure.getMessage();
      }
      if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
        return "timeout";
      }
      if (failure instanceof ConnectException || failure instanceof HttpClosedException) {
        return "connection";
      }
      return failure.getClass().getSimpleName();
    }
  }

  /** Signs in on the student sign-in page and lands on the student home page, as a browser does. */
  Future<Void> signIn(String classCode, String password) {
    String anonymousToken = UUID.randomUUID().toString();
    cookies.map().put("qw-csrf", anonymousToken);
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("_csrf", anonymousToken).add("code", classCode)
        .add("name", name).add("password", password);
    return send(request(HttpMethod.POST, "/student/signin").sendForm(form), 303)
        .compose(signedIn -> send(request(HttpMethod.GET, "/student").send(), 200))
        .map(home -> {
          Matcher token = FORM_CSRF.matcher(home.bodyAsString());
          if (!token.find()) {
            throw new StepFailure("home page without a CSRF token");
          }
          csrf = token.group(1);
          return null;
        });
  }

  Future<Void> start(long quizId) {
    return send(json(HttpMethod.POST, "/api/quizzes/" + quizId + "/start").sendJsonObject(new JsonObject()), 200)
        .map(started -> {
          attemptId = started.bodyAsJsonObject().getLong("attemptId");
          return null;
        });
  }

  /** Loads the attempt page and reads its questions. */
  Future<Void> openAttempt() {
    return send(request(HttpMethod.GET, "/attempts/" + attemptId).send(), 200).map(page -> {
      AttemptItems.Page read = AttemptItems.read(page.body());
      items = read.items();
      csrf = read.csrf();
      if (items.isEmpty()) {
        throw new StepFailure("attempt page without questions");
      }
      return null;
    });
  }

  /** An autosave: succeeds only when the server says this answer (or a newer one) is stored. */
  Future<Void> save(int position, long seq, JsonObject answer) {
    JsonObject body = new JsonObject().put("seq", seq).put("answer", answer).put("flagged", false);
    return send(json(HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/" + position).sendJsonObject(body), 200)
        .map(saved -> {
          JsonObject reply = saved.bodyAsJsonObject();
          if (!reply.getBoolean("saved", false) || reply.getLong("seq", -1L) < seq) {
            throw new StepFailure("200 without the answer stored");
          }
          return null;
        });
  }

  Future<Void> submit() {
    return send(json(HttpMethod.POST, "/api/attempts/" + attemptId + "/submit").sendJsonObject(new JsonObject()), 200)
        .mapEmpty();
  }

  private HttpRequest<Buffer> json(HttpMethod method, String path) {
    return request(method, path).putHeader("X-CSRF-Token", csrf).putHeader("Origin", origin);
  }

  private HttpRequest<Buffer> request(HttpMethod method, String path) {
    return cookies.sendWith(client.request(method, server.getPort(), server.getHost(), path)
        .idleTimeout(REQUEST_TIMEOUT_MS));
  }

  private Future<HttpResponse<Buffer>> send(Future<HttpResponse<Buffer>> sent, int expected) {
    return sent.transform(done -> {
      if (done.failed()) {
        return Future.failedFuture(new StepFailure(StepFailure.kindOf(done.cause())));
      }
      HttpResponse<Buffer> response = done.result();
      cookies.remember(response);
      if (response.statusCode() != expected) {
        return Future.failedFuture(new StepFailure("HTTP " + response.statusCode()));
      }
      return Future.succeededFuture(response);
    });
  }
}
