package org.mmlab.service.strategy.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.Side;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.PriceLevel;
import org.mmlab.api.order.PositionView;
import org.mmlab.client.ExecutionResync;
import org.mmlab.client.LocalBook;
import org.mmlab.strategy.SymmetricStrategy;

/**
 * The strategy's inventory follows the gateway's: fills whose reported position matches what the
 * strategy counted change nothing else; a fill or a resync that shows fills the strategy never saw
 * corrects the inventory and says so.
 */
class LiveStrategyResyncTest {
  static final InstrumentInfo SIM =
      new InstrumentInfo("SIM", new BigDecimal("0.01"), BigDecimal.ONE);

  static LiveStrategy strategy() {
    LiveStrategy s =
        new LiveStrategy(
            "symmetric-1",
            "symmetric",
            null,
            Map.of(),
            new SymmetricStrategy(SymmetricStrategy.Params.defaults()),
            "strategy-key",
            1,
            100,
            1_000_000_000L,
            new StrategyMetrics(new SimpleMeterRegistry()));
    LocalBook book = new LocalBook();
    book.apply(
        new BookSnapshot(
            1,
            0,
            "zi",
            SIM,
            List.of(new PriceLevel(new BigDecimal("99.99"), BigDecimal.TEN)),
            List.of(new PriceLevel(new BigDecimal("100.01"), BigDecimal.TEN))));
    s.onSnapshot(book, 0);
    return s;
  }

  static OrderFilled fill(long seq, Side side, long size, long positionAfter) {
    return new OrderFilled(
        seq,
        seq,
        "q" + seq,
        seq,
        Instant.parse("2026-01-01T00:00:00Z"),
        side,
        side == Side.BUY ? new BigDecimal("99.99") : new BigDecimal("100.01"),
        BigDecimal.valueOf(size),
        BigDecimal.ZERO,
        true,
        BigDecimal.valueOf(positionAfter));
  }

  @Test
  void fillsThatMatchTheGatewaysPositionNeedNoCorrection() {
    LiveStrategy s = strategy();
    s.onExecution(fill(1, Side.BUY, 3, 3));
    s.onExecution(fill(2, Side.SELL, 1, 2));
    StrategyView v = s.view();
    assertThat(v.inventory()).isEqualTo(2);
    assertThat(v.fills()).isEqualTo(2);
    assertThat(v.lastError()).isNull();
  }

  @Test
  void aFillThatShowsUnseenFillsCorrectsTheInventoryToTheGateways() {
    LiveStrategy s = strategy();
    s.onExecution(fill(1, Side.BUY, 2, 2));
    // Fills of 3 lots were lost somewhere: the gateway says 6 after this one.
    s.onExecution(fill(9, Side.BUY, 1, 6));
    StrategyView v = s.view();
    assertThat(v.inventory()).isEqualTo(6);
    assertThat(v.fills()).isEqualTo(2);
    assertThat(v.lastError()).contains("inventory corrected by 3 lots").contains("fill 9");
  }

  @Test
  void aResyncTakesTheGatewaysPositionOfTheInstrument() {
    LiveStrategy s = strategy();
    s.onExecution(fill(1, Side.BUY, 2, 2));
    s.onExecutionResync(
        new ExecutionResync(
            2,
            40,
            List.of(
                new PositionView(
                    "SIM",
                    new BigDecimal("-4"),
                    new BigDecimal("10"),
                    new BigDecimal("14"),
                    new BigDecimal("400.00"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    null,
                    null)),
            List.of()));
    StrategyView v = s.view();
    assertThat(v.inventory()).isEqualTo(-4);
    assertThat(v.lastError()).contains("inventory corrected by -6 lots").contains("2..40");
    // Later fills that agree with the gateway change nothing else.
    s.onExecution(fill(40, Side.SELL, 1, -5));
    assertThat(s.view().inventory()).isEqualTo(-5);
    assertThat(s.view().fills()).isEqualTo(2);
  }
}
