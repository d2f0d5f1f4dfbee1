package org.mmlab.service.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ids kept as bytes read back, match and hash exactly as the strings they came from. */
class IdSlabTest {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";

  static LongStream seeds() {
    return LongStream.range(1, 21);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void keepsEveryIdWhetherItFitsASlotOrNot(long seed) {
    Random rnd = new Random(seed);
    int capacity = 1 + rnd.nextInt(50);
    IdSlab slab = new IdSlab(capacity);
    String[] reference = new String[capacity];
    for (int step = 0; step < capacity * 20; step++) {
      int slot = rnd.nextInt(capacity);
      String id = randomId(rnd);
      slab.set(slot, id);
      reference[slot] = id;
      String probe = rnd.nextBoolean() ? id : randomId(rnd);
      for (int s = 0; s < capacity; s++) {
        String kept = reference[s];
        assertThat(slab.get(s)).isEqualTo(kept);
        assertThat(slab.isNull(s)).isEqualTo(kept == null);
        assertThat(slab.matches(s, probe)).isEqualTo(kept != null && kept.equals(probe));
        if (kept != null) {
          assertThat(slab.hash(s)).isEqualTo(IdSlab.hash(kept));
        }
      }
    }
    IdSlab bigger = new IdSlab(capacity * 2);
    for (int s = 0; s < capacity; s++) {
      slab.copyTo(s, bigger, capacity * 2 - 1 - s);
      assertThat(bigger.get(capacity * 2 - 1 - s)).isEqualTo(reference[s]);
    }
  }

  private static String randomId(Random rnd) {
    switch (rnd.nextInt(8)) {
      case 0:
        return null;
      case 1:
        return "ü" + rnd.nextInt(100); // not ASCII: kept as a string
      case 2:
        return "y".repeat(IdSlab.WIDTH + rnd.nextInt(3)); // 64 fits, longer does not
      default:
        int n = 1 + rnd.nextInt(IdSlab.WIDTH);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
          b.append(ALPHABET.charAt(rnd.nextInt(rnd.nextBoolean() ? 3 : ALPHABET.length())));
        }
        return b.toString();
    }
  }
}
