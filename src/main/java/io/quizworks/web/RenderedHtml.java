package io.quizworks.web;

/**
 * HTML that one of our templates rendered, every value in it escaped as pages escape them: a page shows it as it
 * is. Only this package makes one (a {@link Fragment} filled in, and the stand-in for a fragment's open value), so
 * no text from outside can arrive this way as markup.
 */
public final class RenderedHtml {
  private final String html;

  RenderedHtml(String html) {
    this.html = html;
  }

  String html() {
    return html;
  }
}
