package io.quizworks.bank;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the bytes a spreadsheet saved into text, or says in a teacher's words why it cannot: Excel's
 * plain "CSV" saves Windows-1252, which must be refused rather than imported with mangled accents.
 */
public final class CsvText {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvText() {}

  /** The decoded text without its byte-order mark, or the error that explains why there is none. */
  public static Result decode(byte[] bytes) {
    int start = startsWithBom(bytes) ? UTF8_BOM.length : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = lineAt(bytes, in.position());
      return Result.failure(
          new RowError(
              0,
              "",
              "bytes on line " + line + " that are not UTF-8 text",
              "a CSV file saved as UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\")"));
    }
    decoder.flush(out);
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      return Result.failure(
          new RowError(0, "", "binary data on line " + lineAt(text, nul), "a CSV text file"));
    }
    return new Result(Optional.of(text), Optional.empty());
  }

  /**
   * Excel in many European locales separates cells with semicolons; the header row, which holds plain
   * column names, tells which separator the file uses.
   */
  public static char delimiterOf(String text) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  private static boolean startsWithBom(byte[] bytes) {
    return bytes.length >= 3
        && bytes[0] == UTF8_BOM[0]
        && bytes[1] == UTF8_BOM[1]
        && bytes[2] == UTF8_BOM[2];
  }

  private static int lineAt(byte[] bytes, int end) {
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineAt(String text, int end) {
    return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
  }

  public record Result(Optional<String> text, Optional<RowError> error) {
    static Result failure(RowError error) {
      return new Result(Optional.empty(), Optional.of(error));
    }
  }
}
