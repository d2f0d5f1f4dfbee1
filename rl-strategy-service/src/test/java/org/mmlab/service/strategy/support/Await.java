package org.mmlab.service.strategy.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds; the timeout only bounds a test that would otherwise hang. */
public final class Await {
  private Await() {}

  /**
   * Waits until the condition holds.
   *
   * @param what what is awaited (for the failure message)
   * @param timeout the longest wait
   * @param condition the condition
   * @throws AssertionError when it never held
   * @throws InterruptedException when interrupted
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
