package io.quizworks.gradebook;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Download file names that say what is in the file: class, quiz, what and the date, e.g.
 * {@code period-3-roles-check-results-2026-11-25.csv}. The plain name is ASCII letters, digits and hyphens
 * (accents dropped); {@code filename*} carries the same words with their accents for browsers that read it.
 * Pure.
 */
public final class FileNames {
  /** Long enough for any class or quiz name to be recognisable, short enough for every file system. */
  static final int MAX_PART = 48;

  private FileNames() {}

  /** The {@code Content-Disposition} value for a CSV download named from {@code parts} and {@code date}. */
  public static String contentDisposition(LocalDate date, String... parts) {
    return "attachment; filename=\"" + ascii(date, parts) + "\"; filename*=UTF-8''" + encode(unicode(date, parts));
  }

  /** The ASCII file name, e.g. {@code period-3-roles-check-results-2026-11-25.csv}. */
  public static String ascii(LocalDate date, String... parts) {
    return join(Stream.of(parts).map(FileNames::asciiSlug), date);
  }

  /** The same name keeping letters outside ASCII, e.g. {@code période-3-contrôle-results-2026-11-25.csv}. */
  public static String unicode(LocalDate date, String... parts) {
    return join(Stream.of(parts).map(FileNames::unicodeSlug), date);
  }

  private static String join(Stream<String> slugs, LocalDate date) {
    String name = slugs.filter(slug -> !slug.isEmpty()).collect(Collectors.joining("-"));
    return (name.isEmpty() ? "export" : name) + "-" + date + ".csv";
  }

  /** Lower case ASCII letters and digits separated by single hyphens; accents dropped, other signs too. */
  static String asciiSlug(String text) {
    String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ø", "o")
        .replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D");
    return trim(decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
  }

  /** Lower case letters and digits of any script separated by single hyphens. */
  static String unicodeSlug(String text) {
    String composed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return trim(composed.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-"));
  }

  private static String trim(String slug) {
    String trimmed = slug.replaceAll("^-+|-+$", "");
    if (trimmed.codePointCount(0, trimmed.length()) > MAX_PART) {
      trimmed = trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_PART)).replaceAll("-+$", "");
    }
    return trimmed;
  }

  /** RFC 8187 percent-encoding of UTF-8 bytes: only attr-char is left as it is. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
