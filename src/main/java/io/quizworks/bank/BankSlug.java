package io.quizworks.bank;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** The slug of an uploaded bank, made from its title: it is the bank's address, so short and readable. */
final class BankSlug {
  static final int MAX_LENGTH = 60;

  /** Addresses under {@code /banks/} that are pages, not banks. */
  static final List<String> RESERVED = List.of("upload");

  private BankSlug() {}

  /**
   * "Métiers & Roles: Unit 2" becomes {@code metiers-roles-unit-2}: accents dropped, every other run of
   * characters outside a-z and 0-9 one '-'. A title with no such letter at all becomes {@code bank}.
   */
  static String of(String title) {
    String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-$", "");
    }
    return slug.isEmpty() ? "bank" : slug;
  }
}
