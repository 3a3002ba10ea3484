package io.quizworks.support;

import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies one browser holds, for the test and load clients: kept from each response's Set-Cookie headers
 * (a cleared or expired cookie is dropped) and sent back as one Cookie header. Cookies are kept by name,
 * whatever the port, as a browser does for localhost; tabs of one browser may share a jar across threads.
 */
public final class CookieJar {
  private final Map<String, String> cookies = Collections.synchronizedMap(new LinkedHashMap<>());

  /** The cookies by name, live: tests read, plant and copy cookies through it. */
  public Map<String, String> map() {
    return cookies;
  }

  public void remember(HttpResponse<?> response) {
    synchronized (cookies) {
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
    }
  }

  /** Puts the jar's cookies on a request, as a browser would; nothing when the jar is empty. */
  public <T> HttpRequest<T> sendWith(HttpRequest<T> request) {
    String header;
    synchronized (cookies) {
      header = cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }
    if (!header.isEmpty()) {
      request.putHeader("Cookie", header);
    }
    return request;
  }
}
