package io.quizworks.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's worth of HTTP for server tests: keeps its own cookies (Secure ones included, which
 * localhost may use), never follows redirects, and sends the CSRF token the last page carried.
 */
public final class TestClient {
  private static final Pattern CSRF_IN_PAGE =
      Pattern.compile("(?:name=\"_csrf\" value|name=\"csrf-token\" content)=\"([^\"]+)\"");

  private final WebClient client;
  private final int port;
  private final CookieJar cookies = new CookieJar();
  private String csrf;

  public TestClient(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
        .setDefaultHost("localhost").setDefaultPort(port));
    this.port = port;
  }

  public int port() {
    return port;
  }

  public String csrf() {
    if (csrf == null) {
      get("/");
    }
    return csrf;
  }

  public Map<String, String> cookies() {
    return cookies.map();
  }

  public HttpResponse<Buffer> get(String path) {
    return send(request(HttpMethod.GET, path), null);
  }

  /** Posts a form with this client's CSRF token, as the page's form would. */
  public HttpResponse<Buffer> postForm(String path, Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    form.add("_csrf", csrf());
    fields.forEach(form::add);
    return sendForm(request(HttpMethod.POST, path), form);
  }

  /** Posts a form with exactly the given fields: no token unless the caller adds one. */
  public HttpResponse<Buffer> postRawForm(String path, Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    fields.forEach(form::add);
    return sendForm(request(HttpMethod.POST, path), form);
  }

  public HttpResponse<Buffer> postMultipart(String path, MultipartForm form) {
    form.attribute("_csrf", csrf());
    HttpResponse<Buffer> response = request(HttpMethod.POST, path).sendMultipartForm(form).await();
    remember(response);
    return response;
  }

  /** Sends JSON with the CSRF token in its header, as the attempt page's script does. */
  public HttpResponse<Buffer> json(HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> request = request(method, path).putHeader("X-CSRF-Token", csrf())
        .putHeader("Accept", "application/json");
    return send(request, body);
  }

  public HttpRequest<Buffer> request(HttpMethod method, String path) {
    return cookies.sendWith(client.request(method, path).timeout(60_000));
  }

  private HttpResponse<Buffer> send(HttpRequest<Buffer> request, JsonObject body) {
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendJsonObject(body)).await();
    remember(response);
    return response;
  }

  private HttpResponse<Buffer> sendForm(HttpRequest<Buffer> request, MultiMap form) {
    HttpResponse<Buffer> response = request.sendForm(form).await();
    remember(response);
    return response;
  }

  private void remember(HttpResponse<Buffer> response) {
    cookies.remember(response);
    String type = response.getHeader("Content-Type");
    if (type != null && type.startsWith("text/html") && response.body() != null) {
      Matcher matcher = CSRF_IN_PAGE.matcher(response.bodyAsString());
      if (matcher.find()) {
        csrf = matcher.group(1);
      }
    }
  }

  /** Signs up a new teacher (and so signs in); fails the test if the server refuses. */
  public void signUpTeacher(String name, String email, String password) {
    get("/signup");
    HttpResponse<Buffer> response = postForm("/signup", Map.of("name", name, "email", email, "password", password));
    if (response.statusCode() != 303) {
      throw new AssertionError("sign-up refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    get("/teacher");
  }

  /**
   * Sends the new-quiz form as a teacher; empty fields are left out, as a browser leaves an untouched field
   * blank. Returns the new quiz's id; fails the test if the server refuses.
   */
  public long createQuiz(long classId, Map<String, String> fields) {
    Map<String, String> form = new HashMap<>(fields);
    form.values().removeIf(String::isEmpty);
    HttpResponse<Buffer> response = postForm("/classes/" + classId + "/quizzes", form);
    if (response.statusCode() != 303) {
      throw new AssertionError("quiz refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    return Long.parseLong(response.getHeader("Location").substring("/quizzes/".length()));
  }

  public HttpResponse<Buffer> signInStudent(String classCode, String name, String password) {
    get("/student/signin");
    HttpResponse<Buffer> response = postForm("/student/signin",
        Map.of("code", classCode, "name", name, "password", password));
    if (response.statusCode() == 303) {
      get(response.getHeader("Location"));
    }
    return response;
  }

  public void close() {
    client.close();
  }
}
