package io.quizworks.web;

import freemarker.core.HTMLOutputFormat;

/**
 * Plain text escaped for HTML once, by the same rule pages escape every other value with, for text that many
 * pages show: a page shows it as it is instead of escaping it again. A question's texts are a fifth of the
 * attempt page's rendering time when escaped on every page (docs/benchmarks.md, eighth round). The only way
 * to make one is to escape plain text, so no markup can arrive this way.
 */
public final class EscapedText {
  private final String html;

  private EscapedText(String html) {
    this.html = html;
  }

  public static EscapedText of(String plainText) {
    return new EscapedText(HTMLOutputFormat.INSTANCE.escapePlainText(plainText));
  }

  String html() {
    return html;
  }
}
