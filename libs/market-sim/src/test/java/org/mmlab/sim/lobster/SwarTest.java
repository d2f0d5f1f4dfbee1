package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SwarTest {

  @Test
  void parsesEveryDigitCountLikeParseLong() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int n = 1; n <= 16; n++) {
      for (int i = 0; i < 2_000; i++) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < n; d++) {
          sb.append((char) ('0' + rnd.nextInt(10)));
        }
        byte[] b = Arrays.copyOf((sb + ",").getBytes(StandardCharsets.US_ASCII), n + 17);
        assertThat(Swar.digits(b, 0, n)).as(sb.toString()).isEqualTo(Long.parseLong(sb.toString()));
        assertThat(Swar.digitCount(Swar.load(b, 0))).isEqualTo(Math.min(n, 8));
      }
    }
  }

  @Test
  void rejectsNonDigitsAndBadLengths() {
    byte[] b = Arrays.copyOf("12a45,".getBytes(StandardCharsets.US_ASCII), 40);
    assertThat(Swar.digits(b, 0, 5)).isEqualTo(-1);
    assertThat(Swar.digits(b, 0, 2)).isEqualTo(12);
    assertThat(Swar.digits(b, 0, 0)).isEqualTo(-1);
    byte[] c = Arrays.copyOf("12345678901234567".getBytes(StandardCharsets.US_ASCII), 40);
    assertThat(Swar.digits(c, 0, 17)).isEqualTo(-1);
    byte[] d = Arrays.copyOf("123456789/12".getBytes(StandardCharsets.US_ASCII), 40);
    assertThat(Swar.digits(d, 0, 12)).isEqualTo(-1);
    for (int x = 0; x < 256; x++) {
      byte[] e = new byte[16];
      e[0] = (byte) x;
      assertThat(Swar.digitCount(Swar.load(e, 0)) > 0).isEqualTo(x >= '0' && x <= '9');
    }
  }
}
