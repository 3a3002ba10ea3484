package io.quizworks.web;

import io.vertx.core.buffer.Buffer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where FreeMarker writes a page: UTF-8 bytes, encoded a piece at a time by {@link String#getBytes}, which copies
 * ASCII text in bulk. A page rendered into a String was held as UTF-16 whenever it held one character beyond
 * Latin-1 (every page does: the layout's dash), so every piece was widened on the way in and encoded again
 * character by character on the way out; Netty's encoder, tried instead, also goes character by character. Both
 * were a quarter of the attempt page's rendering time (docs/benchmarks.md, eighth round). Pieces are whole
 * strings or runs of text between two escaped characters, so a character outside the BMP, written as a
 * surrogate pair, is never split between two pieces. Not thread-safe: one page, one writer.
 */
final class Utf8Page extends Writer {
  private byte[] bytes = new byte[32 * 1024];
  private int size;

  @Override
  public void write(String text, int offset, int length) {
    append(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    append(new String(chars, offset, length));
  }

  @Override
  public void write(int c) {
    append(String.valueOf((char) c));
  }

  private void append(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    if (size + encoded.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + encoded.length));
    }
    System.arraycopy(encoded, 0, bytes, size, encoded.length);
    size += encoded.length;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  Buffer body() {
    return Buffer.buffer(Arrays.copyOf(bytes, size));
  }
}
