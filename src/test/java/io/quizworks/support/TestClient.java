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
import java.util.LinkedHashMap;
import java.util.Locale;
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
  private final Map<String, String> cookies = new LinkedHashMap<>();
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
    return cookies;
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
    HttpRequest<Buffer> request = client.request(method, path).timeout(60_000);
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=')
          .append(value));
      request.putHeader("Cookie", header.toString());
    }
    return request;
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
    for (String setCookie : response.cookies()) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).strip();
      String value = pair.substring(eq + 1).strip();
      if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
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
