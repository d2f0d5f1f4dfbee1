package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntHashMapTest {

  @Test
  void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
    SplittableRandom rnd = new SplittableRandom(42);
    LongIntHashMap map = new LongIntHashMap(4);
    Map<Long, Integer> ref = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      // A narrow key range forces collisions, clusters and backward shifts.
      long key = rnd.nextInt(3_000) * 64L - 50_000;
      int op = rnd.nextInt(3);
      if (op == 0) {
        int v = rnd.nextInt(1_000_000);
        Integer old = ref.put(key, v);
        assertThat(map.put(key, v)).isEqualTo(old == null ? -1 : old);
      } else if (op == 1) {
        Integer old = ref.remove(key);
        assertThat(map.remove(key)).isEqualTo(old == null ? -1 : old);
      } else {
        Integer v = ref.get(key);
        assertThat(map.get(key)).isEqualTo(v == null ? -1 : v);
      }
      assertThat(map.size()).isEqualTo(ref.size());
    }
    for (Map.Entry<Long, Integer> e : ref.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
    map.clear();
    assertThat(map.size()).isZero();
    assertThat(map.get(ref.keySet().iterator().next())).isEqualTo(-1);
  }
}
