package org.mmlab.strategy.metrics;

import java.util.Arrays;

/**
 * Per-step time series of one episode, for charts: time, mid, our bid and ask, equity and
 * inventory. Times are seconds since the first step; prices ticks; equity ticks × lots; inventory
 * lots. A side not quoted at a step is NaN.
 *
 * <p>Rows are appended per decision (not per event); storage doubles as needed.
 */
public final class EpisodeSeries {
  private double[] time = new double[256];
  private double[] mid = new double[256];
  private double[] bid = new double[256];
  private double[] ask = new double[256];
  private double[] equity = new double[256];
  private double[] inventory = new double[256];
  private int size;

  /**
   * Appends a row without quotes (bid and ask NaN until {@link #setLastQuote}).
   *
   * @param timeSeconds seconds since the first step
   * @param midPrice mid, ticks
   * @param equityValue equity, ticks × lots
   * @param inventoryLots inventory, lots
   */
  public void add(double timeSeconds, double midPrice, double equityValue, double inventoryLots) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      mid = Arrays.copyOf(mid, n);
      bid = Arrays.copyOf(bid, n);
      ask = Arrays.copyOf(ask, n);
      equity = Arrays.copyOf(equity, n);
      inventory = Arrays.copyOf(inventory, n);
    }
    time[size] = timeSeconds;
    mid[size] = midPrice;
    bid[size] = Double.NaN;
    ask[size] = Double.NaN;
    equity[size] = equityValue;
    inventory[size] = inventoryLots;
    size++;
  }

  /**
   * Sets the quotes of the last row.
   *
   * @param bidPrice bid, ticks, or NaN for none
   * @param askPrice ask, ticks, or NaN for none
   */
  public void setLastQuote(double bidPrice, double askPrice) {
    if (size == 0) {
      return;
    }
    bid[size - 1] = bidPrice;
    ask[size - 1] = askPrice;
  }

  /** Removes every row. */
  public void clear() {
    size = 0;
  }

  /**
   * Number of rows.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Times.
   *
   * @return a copy, seconds since the first step
   */
  public double[] times() {
    return Arrays.copyOf(time, size);
  }

  /**
   * Mids.
   *
   * @return a copy, ticks
   */
  public double[] mids() {
    return Arrays.copyOf(mid, size);
  }

  /**
   * Our bids.
   *
   * @return a copy, ticks, NaN where not quoted
   */
  public double[] bids() {
    return Arrays.copyOf(bid, size);
  }

  /**
   * Our asks.
   *
   * @return a copy, ticks, NaN where not quoted
   */
  public double[] asks() {
    return Arrays.copyOf(ask, size);
  }

  /**
   * Equity.
   *
   * @return a copy, ticks × lots
   */
  public double[] equities() {
    return Arrays.copyOf(equity, size);
  }

  /**
   * Inventory.
   *
   * @return a copy, lots
   */
  public double[] inventories() {
    return Arrays.copyOf(inventory, size);
  }
}
