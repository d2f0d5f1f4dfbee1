package org.mmlab.lob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LongIntHashMap} against {@link HashMap} on seeded random put/get/remove mixes. */
class LongIntHashMapTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 2L, 3L})
  void behavesLikeHashMap(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LongIntHashMap map = new LongIntHashMap(4);
    Map<Long, Integer> expected = new HashMap<>();
    for (int i = 0; i < 300_000; i++) {
      // Small key space: many collisions, removals inside probe runs, re-insertions.
      long key = random.nextBoolean() ? 1 + random.nextInt(2_000) : 1 + random.nextLong(1L << 40);
      if (random.nextInt(4) == 0) {
        key = -key; // negative keys are fine, only 0 is reserved
      }
      switch (random.nextInt(3)) {
        case 0:
          int value = random.nextInt(1_000_000);
          map.put(key, value);
          expected.put(key, value);
          break;
        case 1:
          assertThat(map.remove(key)).isEqualTo(expected.getOrDefault(key, LongIntHashMap.MISSING));
          expected.remove(key);
          break;
        default:
          assertThat(map.get(key)).isEqualTo(expected.getOrDefault(key, LongIntHashMap.MISSING));
      }
      assertThat(map.size()).isEqualTo(expected.size());
    }
    for (Map.Entry<Long, Integer> e : expected.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
    map.clear();
    assertThat(map.size()).isZero();
    for (Long key : expected.keySet()) {
      assertThat(map.get(key)).isEqualTo(LongIntHashMap.MISSING);
    }
  }
}
