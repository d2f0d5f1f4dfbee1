package org.mmlab.service.marketdata.exchange;

import java.math.BigDecimal;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.market.EngineMarket;

/** A market on the engine with no background flow: only the clients trade, deterministically. */
final class QuietMarket extends EngineMarket {
  QuietMarket(MarketConditions conditions) {
    super("quiet", new Instrument("TEST", new BigDecimal("0.01"), BigDecimal.ONE), conditions);
  }

  @Override
  protected void startFlow() {}

  @Override
  protected long warmUpNanos() {
    return 0;
  }

  @Override
  protected void onModelEvent(int kind, long arg0, long arg1) {}
}
