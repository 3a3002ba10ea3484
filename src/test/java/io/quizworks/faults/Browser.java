package io.quizworks.faults;

import io.quizworks.support.CookieJar;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One student's (or teacher's) browser for the fault tests: a cookie jar and the session's CSRF token, like
 * {@code support.TestClient}, but every request names the node (port) it goes to, so one browser can talk to
 * a restarted server or to two nodes behind an imaginary load balancer, and requests may run concurrently
 * from many threads. Cookies are kept by name, whatever the port: a browser does the same for localhost.
 */
final class Browser {
  private static final Pattern CSRF_IN_PAGE =
      Pattern.compile("(?:name=\"_csrf\" value|name=\"csrf-token\" content|data-csrf)=\"([^\"]+)\"");

  private final WebClient client;
  private final CookieJar cookies;
  private volatile String csrf;
  private volatile int port;

  Browser(Vertx vertx, int port) {
    this(vertx, port, new CookieJar());
  }

  private Browser(Vertx vertx, int port, CookieJar cookies) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
        .setDefaultHost("localhost"), new PoolOptions().setHttp1MaxSize(16));
    this.port = port;
    this.cookies = cookies;
  }

  /** A second tab of this browser: the same cookies (so the same session) and token, its own connections. */
  Browser tab(Vertx vertx) {
    Browser tab = new Browser(vertx, port, cookies);
    tab.csrf = csrf;
    return tab;
  }

  /** The node this browser talks to when a request does not name one. */
  int port() {
    return port;
  }

  void usePort(int port) {
    this.port = port;
  }

  String csrf() {
    return csrf;
  }

  Map<String, String> cookies() {
    synchronized (cookies.map()) {
      return Map.copyOf(cookies.map());
    }
  }

  HttpResponse<Buffer> get(String path) {
    return get(port, path);
  }

  HttpResponse<Buffer> get(int node, String path) {
    return request(node, HttpMethod.GET, path).send().map(this::remember).await();
  }

  /** Posts a form with the token the last page carried, as a page's form would. */
  HttpResponse<Buffer> postForm(int node, String path, Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    if (csrf != null) {
      form.add("_csrf", csrf);
    }
    fields.forEach(form::add);
    return request(node, HttpMethod.POST, path).sendForm(form).map(this::remember).await();
  }

  HttpResponse<Buffer> postForm(String path, Map<String, String> fields) {
    return postForm(port, path, fields);
  }

  /** Sends JSON with the session's token in its header, as the attempt page's script does; does not wait. */
  Future<HttpResponse<Buffer>> sendJson(int node, HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> request = request(node, method, path).putHeader("Accept", "application/json");
    if (csrf != null) {
      request.putHeader("X-CSRF-Token", csrf);
    }
    return (body == null ? request.send() : request.sendJsonObject(body)).map(this::remember);
  }

  HttpResponse<Buffer> json(int node, HttpMethod method, String path, JsonObject body) {
    return sendJson(node, method, path, body).await();
  }

  HttpResponse<Buffer> json(HttpMethod method, String path, JsonObject body) {
    return json(port, method, path, body);
  }

  /** One autosave, as the page sends it. */
  Future<HttpResponse<Buffer>> save(int node, long attemptId, int position, long seq, JsonObject answer) {
    return sendJson(node, HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/" + position,
        new JsonObject().put("seq", seq).put("answer", answer).put("flagged", false));
  }

  private HttpRequest<Buffer> request(int node, HttpMethod method, String path) {
    return cookies.sendWith(client.request(method, node, "localhost", path).timeout(30_000));
  }

  private HttpResponse<Buffer> remember(HttpResponse<Buffer> response) {
    cookies.remember(response);
    String type = response.getHeader("Content-Type");
    if (type != null && type.startsWith("text/html") && response.body() != null) {
      Matcher matcher = CSRF_IN_PAGE.matcher(response.bodyAsString());
      if (matcher.find()) {
        csrf = matcher.group(1);
      }
    }
    return response;
  }

  /** Signs a new teacher up (and so in); fails the test if the server refuses. */
  void signUpTeacher(int node, String name, String email, String password) {
    get(node, "/signup");
    HttpResponse<Buffer> response = postForm(node, "/signup", Map.of("name", name, "email", email, "password",
        password));
    if (response.statusCode() != 303) {
      throw new AssertionError("sign-up refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    get(node, "/teacher");
  }

  /** Signs a student in and opens their home page, which carries the session's token. */
  void signInStudent(int node, String classCode, String name, String password) {
    get(node, "/student/signin");
    HttpResponse<Buffer> response = postForm(node, "/student/signin",
        Map.of("code", classCode, "name", name, "password", password));
    if (response.statusCode() != 303) {
      throw new AssertionError("student sign-in refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    get(node, response.getHeader("Location"));
  }

  void close() {
    client.close();
  }
}
