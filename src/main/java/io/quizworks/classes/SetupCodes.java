package io.quizworks.classes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * One-time sign-in codes for students added from a roster: eight characters of the join-code alphabet,
 * shown to the teacher once and stored only as a SHA-256, so a copy of the database signs no one in.
 * They are random and short-lived, and attempts are throttled, so an unsalted fast hash is enough.
 */
public final class SetupCodes {
  static final int LENGTH = 8;
  static final int VALID_DAYS = 14;

  private SetupCodes() {}

  public static String random(RandomGenerator random) {
    return JoinCodes.random(random, LENGTH);
  }

  public static String normalise(String input) {
    return JoinCodes.normalise(input);
  }

  public static boolean isWellFormed(String code) {
    return JoinCodes.hasShape(code, LENGTH);
  }

  /** {@code ABCD-EFGH}: two groups of four are easier to copy from a printed list. */
  public static String display(String code) {
    return JoinCodes.grouped(code);
  }

  public static String hash(String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
