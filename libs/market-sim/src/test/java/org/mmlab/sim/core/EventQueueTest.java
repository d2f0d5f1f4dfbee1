package org.mmlab.sim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {

  @Test
  void equalTimesPopInSchedulingOrder() {
    EventQueue q = new EventQueue(4);
    q.schedule(10, 1, 0, 0);
    q.schedule(5, 2, 0, 0);
    q.schedule(10, 3, 0, 0);
    q.schedule(5, 4, 0, 0);
    int[] kinds = new int[4];
    for (int i = 0; i < 4; i++) {
      q.pop();
      kinds[i] = q.kind();
    }
    assertThat(kinds).containsExactly(2, 4, 1, 3);
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.peekTime()).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void popsInTimeThenInsertionOrderAgainstASortedList(long seed) {
    Rng rng = new Rng(seed);
    EventQueue q = new EventQueue(16);
    List<long[]> expected = new ArrayList<>();
    long seq = 0;
    List<long[]> popped = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      if (rng.nextInt(3) > 0 || q.isEmpty()) {
        long t = rng.nextInt(500);
        q.schedule(t, (int) seq, seq, -seq);
        expected.add(new long[] {t, seq});
        seq++;
      } else {
        q.pop();
        popped.add(new long[] {q.time(), q.arg0(), q.arg1(), q.kind()});
        expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        long[] head = expected.remove(0);
        long[] got = popped.get(popped.size() - 1);
        assertThat(got[0]).isEqualTo(head[0]);
        assertThat(got[1]).isEqualTo(head[1]);
        assertThat(got[2]).isEqualTo(-head[1]);
        assertThat(got[3]).isEqualTo(head[1]);
      }
    }
    assertThat(q.size()).isEqualTo(expected.size());
  }

  @Test
  void popOnEmptyFails() {
    assertThatThrownBy(() -> new EventQueue(1).pop()).isInstanceOf(IllegalStateException.class);
  }
}
