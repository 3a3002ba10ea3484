package io.quizworks.web;

/**
 * HTML that one of our templates rendered, every value in it escaped as pages escape them: a page shows it as it
 * is. Only a {@link Fragment} makes one, so no text from outside can arrive this way as markup.
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
