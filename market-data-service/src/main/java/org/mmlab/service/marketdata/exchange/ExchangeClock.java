package org.mmlab.service.marketdata.exchange;

/**
 * Maps wall-clock time to simulated time: while running, {@code sim = simBase + (wall − wallBase) ×
 * speed}; stopped, simulated time stands still. Speed 1.0 is real time.
 */
final class ExchangeClock {
  private long simBase;
  private long wallBase;
  private double speed;
  private boolean running;

  ExchangeClock(double speed) {
    this.speed = speed;
  }

  /** Starts (or restarts) the clock from a simulated time. */
  void start(long simNow, long wallNow) {
    simBase = simNow;
    wallBase = wallNow;
    running = true;
  }

  void stop() {
    running = false;
  }

  /** Changes the speed from now on, keeping the simulated time continuous. */
  void setSpeed(double newSpeed, long simNow, long wallNow) {
    speed = newSpeed;
    simBase = simNow;
    wallBase = wallNow;
  }

  /**
   * The simulated time the market should have reached.
   *
   * @param simNow the market's current time (returned when stopped)
   * @param wallNow {@link System#nanoTime()}
   * @return the target, never before {@code simNow}
   */
  long target(long simNow, long wallNow) {
    if (!running) {
      return simNow;
    }
    long t = simBase + (long) ((wallNow - wallBase) * speed);
    return Math.max(simNow, t);
  }

  boolean running() {
    return running;
  }

  double speed() {
    return speed;
  }
}
