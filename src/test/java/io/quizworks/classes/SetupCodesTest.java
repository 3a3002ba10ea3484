package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("One-time sign-in codes")
class SetupCodesTest {

  @Test
  @DisplayName("are eight characters of the join-code alphabet, shown in two groups of four")
  void shape() {
    Random random = new Random(3);
    for (int i = 0; i < 500; i++) {
      String code = SetupCodes.random(random);
      assertThat(code).matches("[A-HJKMNP-Z2-9]{8}");
      assertThat(SetupCodes.isWellFormed(code)).isTrue();
      assertThat(SetupCodes.display(code)).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
    }
    assertThat(SetupCodes.isWellFormed("ABCDEF")).isFalse();
  }

  @Test
  @DisplayName("are read as typed from the printed list: any case, with the dash or without")
  void normalise() {
    assertThat(SetupCodes.normalise("abcd-efgh")).isEqualTo("ABCDEFGH");
    assertThat(SetupCodes.normalise(" ABCD EFGH ")).isEqualTo("ABCDEFGH");
  }

  @Test
  @DisplayName("are stored as the SHA-256 of the code in hex, never the code itself")
  void hash() {
    assertThat(SetupCodes.hash("ABCDEFGH"))
        .isEqualTo("9ac2197d9258257b1ae8463e4214e4cd0a578bc1517f2415928b91be4283fc48")
        .doesNotContain("ABCDEFGH");
  }
}
