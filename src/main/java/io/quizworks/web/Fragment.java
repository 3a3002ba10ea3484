package io.quizworks.web;

import freemarker.core.HTMLOutputFormat;

/**
 * A part of a page rendered once ({@link Templates#fragment}) with one value left open, for a part that many
 * pages show alike but for that value: each page fills the value in instead of rendering the part again. An
 * unanswered question's section of the attempt page is the same for every student who drew that question with
 * its choices in that order, but for its position, and rendering those sections was most of the page's cost in an
 * exam's first minute (docs/benchmarks.md, thirteenth round).
 */
public final class Fragment {
  /** The rendered text either side of each place the open value goes. */
  private final String[] pieces;
  private final int length;

  Fragment(String[] pieces) {
    this.pieces = pieces;
    int total = 0;
    for (String piece : pieces) {
      total += piece.length();
    }
    this.length = total;
  }

  /** The part with {@code plainText}, escaped as any value is, wherever its template showed the open value. */
  public RenderedHtml with(String plainText) {
    String value = HTMLOutputFormat.INSTANCE.escapePlainText(plainText);
    StringBuilder html = new StringBuilder(length + value.length() * (pieces.length - 1));
    html.append(pieces[0]);
    for (int i = 1; i < pieces.length; i++) {
      html.append(value).append(pieces[i]);
    }
    return new RenderedHtml(html.toString());
  }
}
