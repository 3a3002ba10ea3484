package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Class join codes")
class JoinCodesTest {

  @Test
  @DisplayName("are six characters drawn from the whole alphabet, which has no 0, O, 1, I or L")
  void shape() {
    Random random = new Random(7);
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String code = JoinCodes.random(random);
      assertThat(code).hasSize(6).matches("[A-HJKMNP-Z2-9]{6}");
      assertThat(JoinCodes.isWellFormed(code)).isTrue();
      code.chars().forEach(c -> seen.add((char) c));
    }
    assertThat(JoinCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L").hasSize(31);
    assertThat(seen).hasSize(JoinCodes.ALPHABET.length());
  }

  @Test
  @DisplayName("are different from one draw to the next")
  void random() {
    Random random = new Random(11);
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      codes.add(JoinCodes.random(random));
    }
    assertThat(codes).hasSizeGreaterThan(995);
  }

  @Test
  @DisplayName("are read in any letter case, with or without dashes and spaces")
  void normalise() {
    for (String typed : new String[] {"ABCDEF", "abcdef", "abc-def", "ABC DEF", " a b c - d e f ", "abc–def", "abc\tdef"}) {
      assertThat(JoinCodes.normalise(typed)).as(typed).isEqualTo("ABCDEF");
    }
    assertThat(JoinCodes.normalise(null)).isEmpty();
  }

  @Test
  @DisplayName("are shown in two halves, which read back as the same code")
  void display() {
    assertThat(JoinCodes.display("K7MQ2P")).isEqualTo("K7M-Q2P");
    assertThat(JoinCodes.normalise(JoinCodes.display("K7MQ2P"))).isEqualTo("K7MQ2P");
  }

  @Test
  @DisplayName("are refused without a query when they cannot be a code: wrong length or a character not in the alphabet")
  void wellFormed() {
    assertThat(JoinCodes.isWellFormed("K7MQ2P")).isTrue();
    assertThat(JoinCodes.isWellFormed("K7MQ2")).isFalse();
    assertThat(JoinCodes.isWellFormed("K7MQ2PX")).isFalse();
    assertThat(JoinCodes.isWellFormed("K7MQ20")).isFalse();
    assertThat(JoinCodes.isWellFormed("K7MQ2O")).isFalse();
    assertThat(JoinCodes.isWellFormed("k7mq2p")).isFalse();
    assertThat(JoinCodes.isWellFormed("")).isFalse();
  }
}
