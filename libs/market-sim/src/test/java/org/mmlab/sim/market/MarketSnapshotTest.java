package org.mmlab.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.Side;
import org.mmlab.sim.Market;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.SimulatedMarket;
import org.mmlab.sim.core.Durations;

/**
 * A market restored from a snapshot continues exactly as the original: same book, same reports to
 * the agent, with the agent's commands and messages in flight at the snapshot (the default
 * conditions have latency on both ways).
 */
class MarketSnapshotTest {
  private static final long MS = Durations.MILLISECOND;

  /** The agent's seeded activity: a submit or a cancel every few milliseconds. */
  private static void act(Market m, int step) {
    long id = 1 + step / 2;
    if (step % 2 == 0) {
      long mid = 10_000;
      if (m instanceof EngineMarket em) {
        long bid = em.book().bestBid();
        mid = bid > 0 ? bid : mid;
      }
      m.submit(id, step % 4 == 0 ? Side.BID : Side.ASK, OrderType.LIMIT, mid + step % 7 - 3, 2);
    } else if (step % 3 == 0) {
      m.cancel(id - 1);
    }
  }

  private static SimulatedMarket started(String spec, long seed) {
    SimulatedMarket m = (SimulatedMarket) MarketFactory.create(spec, MarketConditions.DEFAULT);
    m.reset(seed);
    return m;
  }

  @ParameterizedTest
  @CsvSource({"zi,3", "hawkes,4", "zi,5"})
  void aRestoredMarketContinuesExactly(String spec, long seed) {
    SimulatedMarket original = started(spec, seed);
    RecordingListener first = new RecordingListener();
    original.setListener(first);
    int step = 0;
    for (; step < 2_000; step++) {
      act(original, step);
      original.advanceTo(original.now() + 3 * MS + step % 5 * 100_000L);
    }
    act(original, step++); // a command in flight at the snapshot
    ByteBuffer state = ByteBuffer.allocate(1 << 22);
    original.saveState(state);
    state.flip();

    SimulatedMarket copy = (SimulatedMarket) MarketFactory.create(spec, MarketConditions.DEFAULT);
    copy.restoreState(state);
    assertThat(state.hasRemaining()).as("the whole snapshot was read").isFalse();
    RecordingListener second = new RecordingListener();
    copy.setListener(second);
    RecordingListener rest = new RecordingListener();
    original.setListener(rest);
    assertThat(copy.now()).isEqualTo(original.now());
    assertThat(((EngineMarket) copy).book().stateHash())
        .isEqualTo(((EngineMarket) original).book().stateHash());
    for (int k = 0; k < 2_000; k++, step++) {
      long t = original.now() + 3 * MS + step % 5 * 100_000L;
      original.advanceTo(t);
      copy.advanceTo(t);
      act(original, step);
      act(copy, step);
    }
    assertThat(second.log).isEqualTo(rest.log);
    assertThat(second.trades).isPositive().isEqualTo(rest.trades);
    assertThat(((EngineMarket) copy).book().stateHash())
        .isEqualTo(((EngineMarket) original).book().stateHash());
    assertThat(copy.eventsProcessed()).isEqualTo(original.eventsProcessed());
  }

  @Test
  void aMarketWithoutSnapshotsSaysSo() {
    SimulatedMarket as = started("as", 1);
    assertThat(as.snapshots()).isFalse();
    assertThatThrownBy(() -> as.saveState(ByteBuffer.allocate(1024)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("as");
    assertThat(started("zi", 1).snapshots()).isTrue();
  }
}
