package org.mmlab.sim.binance;

import java.math.BigDecimal;
import org.mmlab.sim.Instrument;

/**
 * Tick and lot sizes of Binance instruments. Known ones come from the exchange's filters (checked
 * against the shared captures: every price is a multiple of the tick, the snapshots' quantities
 * have the lot as their GCD); for any other symbol the steps are inferred from the capture's
 * snapshot ({@link BinanceCaptureInfo}).
 *
 * <table>
 *   <caption>Known instruments</caption>
 *   <tr><th>venue</th><th>symbol</th><th>tick</th><th>lot</th></tr>
 *   <tr><td>spot</td><td>BTCUSDT</td><td>0.01</td><td>0.00001</td></tr>
 *   <tr><td>USD-M futures</td><td>BTCUSDT</td><td>0.1</td><td>0.001</td></tr>
 * </table>
 */
public final class BinanceInstruments {
  /** Spot BTCUSDT: tick 0.01 USDT, lot 0.00001 BTC. */
  public static final Instrument SPOT_BTCUSDT =
      new Instrument("BTCUSDT", new BigDecimal("0.01"), new BigDecimal("0.00001"));

  /** USD-M perpetual BTCUSDT: tick 0.1 USDT, lot 0.001 BTC. */
  public static final Instrument USDM_BTCUSDT =
      new Instrument("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"));

  private BinanceInstruments() {}

  /**
   * The instrument of a capture.
   *
   * @param info what the capture's first lines say
   * @return the known instrument, or one with the steps inferred from the snapshot
   * @throws IllegalArgumentException for an unknown symbol whose first file has no snapshot
   */
  public static Instrument of(BinanceCaptureInfo info) {
    if ("BTCUSDT".equals(info.symbol())) {
      return info.venue() == BinanceVenue.SPOT ? SPOT_BTCUSDT : USDM_BTCUSDT;
    }
    if (info.priceStep() == null || info.quantityStep() == null) {
      throw new IllegalArgumentException(
          "unknown Binance symbol "
              + info.symbol()
              + " and no depth snapshot in the first file to infer its tick and lot from");
    }
    return new Instrument(info.symbol(), info.priceStep(), info.quantityStep());
  }
}
