package io.quizworks.web;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MruCacheStorage;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.freemarker.FreeMarkerTemplateEngine;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders {@code .ftlh} pages from {@code templates/}. The HTML output format is set explicitly, so every
 * {@code ${…}} is escaped whatever the file is called: a question's text can never become markup.
 */
public final class Templates {
  /**
   * What a fragment's open value is rendered as, to be found and cut out afterwards: no value can put a raw
   * {@code <} on a page, and no template writes one followed by a NUL.
   */
  private static final String OPEN = "<\u0000>";

  private final Configuration configuration;

  public Templates(Vertx vertx) {
    configuration = FreeMarkerTemplateEngine.create(vertx, "ftlh").unwrap();
    // FreeMarker's own class-path loader reads templates as UTF-8 (the encoding set below); the Vert.x engine's
    // loader decodes them in the JVM's default charset, as its render() encodes pages (see respond).
    configuration.setTemplateLoader(new ClassTemplateLoader(Templates.class, "/"));
    configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
    configuration.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    // Records (our view values) are read as properties: ${question.prompt}.
    configuration.setObjectWrapper(new ViewObjectWrapper());
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputEncoding("UTF-8");
    // Vert.x caches each page's template but leaves FreeMarker without a cache, so every <#import> of the
    // layout was looked up in the jar and parsed again on every request: 40% of the server's time in an exam
    // start (docs/benchmarks.md). Templates ship inside the build and never change while it runs.
    configuration.setCacheStorage(new MruCacheStorage(0, Integer.MAX_VALUE));
    configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
  }

  /**
   * Renders {@code templates/<page>.ftlh} with {@code data} as an HTML response of the given status. Every
   * page also gets {@code csrf} (the token its forms carry) and {@code user} (who is signed in, if anyone).
   */
  public void respond(RoutingContext ctx, int status, String page, Map<String, Object> data) {
    Map<String, Object> model = new HashMap<>(data);
    model.put("csrf", Csrf.token(ctx));
    Principal.of(ctx).ifPresent(user -> model.put("user", Map.of("name", user.name(), "teacher", user.isTeacher())));
    // FreeMarker writes UTF-8 bytes here (Utf8Page). The Vert.x engine's render() writes through an
    // OutputStreamWriter in the JVM's default charset: on a machine without a UTF-8 locale every accent and dash
    // became "?", and its character-by-character encoder was a tenth of the server's time in an exam start
    // (docs/benchmarks.md).
    Buffer html;
    try {
      html = render(page, model);
    } catch (IOException | TemplateException e) {
      ctx.fail(e);
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
  }

  /** {@code templates/<page>.ftlh} rendered with {@code model} as it is, in UTF-8. */
  public Buffer render(String page, Map<String, Object> model) throws IOException, TemplateException {
    Utf8Page html = new Utf8Page();
    process(page, model, html);
    return html.body();
  }

  public void respond(RoutingContext ctx, String page, Map<String, Object> data) {
    respond(ctx, 200, page, data);
  }

  /**
   * Renders {@code templates/<part>.ftlh}, a part of a page, with {@code data} and the variable {@code open} left
   * to be filled in by each page that shows it ({@link Fragment#with}).
   *
   * @throws IllegalStateException if the part does not render: a fault of the template, not of the data
   */
  public Fragment fragment(String part, Map<String, Object> data, String open) {
    Map<String, Object> model = new HashMap<>(data);
    model.put(open, new RenderedHtml(OPEN));
    StringWriter html = new StringWriter();
    try {
      process(part, model, html);
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("The page part " + part + " did not render", e);
    }
    return new Fragment(html.toString().split(Pattern.quote(OPEN), -1));
  }

  private void process(String template, Map<String, Object> model, Writer out) throws IOException, TemplateException {
    configuration.getTemplate("templates/" + template + ".ftlh").process(model, out);
  }
}
