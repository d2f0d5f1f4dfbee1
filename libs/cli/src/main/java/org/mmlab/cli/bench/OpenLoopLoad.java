package org.mmlab.cli.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends HTTP requests open-loop at a fixed rate over a bounded number of concurrent connections and
 * records each response's latency from the request's intended send time ({@link OpenLoopPacer}).
 * When every connection is busy the sender waits, and the wait is charged to the requests it
 * delayed.
 */
final class OpenLoopLoad {

  /** Builds request number {@code index}. */
  interface Requests {
    /**
     * The request.
     *
     * @param index from 0
     * @return the request to send
     */
    HttpRequest request(long index);
  }

  /** Judges a response. */
  interface Responses {
    /**
     * Classifies a response; called on the HTTP client's threads.
     *
     * @param index the request's index
     * @param response the response
     * @param measured whether the request belongs to the measured window (not the warm-up)
     * @return null for a success, else a short outcome name (for example {@code 429 RATE_LIMITED})
     */
    String accept(long index, HttpResponse<String> response, boolean measured);
  }

  /**
   * What a run did, counting only the measured window (the warm-up is excluded).
   *
   * @param sent requests sent
   * @param sentTotal requests sent, warm-up included
   * @param ok successful responses
   * @param failures failed requests by outcome (HTTP status and problem code, timeout, I/O error)
   * @param latency latency of every response in ns, from the intended send time
   * @param seconds measured time: the window, or longer when responses came late
   * @param offeredRate the target rate
   * @param stoppedEarly whether the stop condition ended the run before its duration
   */
  record Result(
      long sent,
      long sentTotal,
      long ok,
      Map<String, Long> failures,
      Histogram latency,
      double seconds,
      double offeredRate,
      boolean stoppedEarly) {

    /**
     * Successful responses per second.
     *
     * @return ok / seconds
     */
    double okPerSecond() {
      return seconds > 0 ? ok / seconds : 0;
    }

    /**
     * Failed requests.
     *
     * @return the sum of the failures
     */
    long failed() {
      long n = 0;
      for (long v : failures.values()) {
        n += v;
      }
      return n;
    }
  }

  private final HttpClient http;
  private final int connections;
  private final Duration drainTimeout;

  /**
   * A load generator.
   *
   * @param http the client (HTTP/1.1: one connection per request in flight)
   * @param connections requests in flight at most
   * @param drainTimeout how long to wait for the last responses
   */
  OpenLoopLoad(HttpClient http, int connections, Duration drainTimeout) {
    this.http = http;
    this.connections = connections;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Runs the load.
   *
   * @param requests the requests
   * @param responses judges the responses
   * @param rate requests per second
   * @param warmup time sent but not measured
   * @param duration measured time
   * @param stop checked between sends; true ends the run early
   * @return the measured window's figures
   * @throws InterruptedException if interrupted
   */
  Result run(
      Requests requests,
      Responses responses,
      double rate,
      Duration warmup,
      Duration duration,
      BooleanSupplier stop)
      throws InterruptedException {
    Semaphore slots = new Semaphore(connections);
    Recorder recorder = new Recorder(3);
    Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    LongAdder ok = new LongAdder();
    AtomicLong lastCompletion = new AtomicLong();
    long start = System.nanoTime() + 1_000_000;
    OpenLoopPacer pacer = new OpenLoopPacer(start, rate);
    long warmupCount = pacer.requestsIn(warmup.toNanos() / 1e9);
    long total = warmupCount + pacer.requestsIn(duration.toNanos() / 1e9);
    long windowStart = pacer.intendedNanos(warmupCount);
    long sent = 0;
    long next = 0;
    boolean stoppedEarly = false;
    while (next < total) {
      if (stop.getAsBoolean()) {
        stoppedEarly = true;
        break;
      }
      long now = System.nanoTime();
      long due = Math.min(total, pacer.dueBy(now));
      while (next < due) {
        slots.acquire();
        long intended = pacer.intendedNanos(next);
        boolean measured = next >= warmupCount;
        HttpRequest req;
        try {
          req = requests.request(next);
        } catch (RuntimeException e) {
          slots.release();
          throw e;
        }
        Completion c =
            new Completion(
                next, intended, measured, responses, recorder, failures, ok, lastCompletion, slots);
        http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete(c);
        if (measured) {
          sent++;
        }
        next++;
      }
      if (next < total) {
        long wait = pacer.intendedNanos(next) - System.nanoTime();
        if (wait > 0) {
          // No spinning: the next request goes out up to a scheduler tick late, and its latency is
          // measured from its intended time anyway.
          LockSupport.parkNanos(wait);
        }
      }
    }
    long endOfSends = System.nanoTime();
    // Wait for the responses still in flight.
    if (!slots.tryAcquire(connections, drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      failures
          .computeIfAbsent(
              "no response in " + drainTimeout.toSeconds() + " s", k -> new LongAdder())
          .add(connections - slots.availablePermits());
    }
    Histogram latency = recorder.getIntervalHistogram();
    long end = Math.max(endOfSends, lastCompletion.get());
    double seconds = Math.max(0, end - windowStart) / 1e9;
    if (!stoppedEarly) {
      seconds = Math.max(seconds, duration.toNanos() / 1e9);
    }
    Map<String, Long> f = new TreeMap<>();
    failures.forEach((k, v) -> f.put(k, v.sum()));
    return new Result(sent, next, ok.sum(), f, latency, seconds, rate, stoppedEarly);
  }

  /** One request's completion: latency from its intended time, its outcome, its slot back. */
  private static final class Completion implements BiConsumer<HttpResponse<String>, Throwable> {
    private final long index;
    private final long intended;
    private final boolean measured;
    private final Responses responses;
    private final Recorder recorder;
    private final Map<String, LongAdder> failures;
    private final LongAdder ok;
    private final AtomicLong lastCompletion;
    private final Semaphore slots;

    Completion(
        long index,
        long intended,
        boolean measured,
        Responses responses,
        Recorder recorder,
        Map<String, LongAdder> failures,
        LongAdder ok,
        AtomicLong lastCompletion,
        Semaphore slots) {
      this.index = index;
      this.intended = intended;
      this.measured = measured;
      this.responses = responses;
      this.recorder = recorder;
      this.failures = failures;
      this.ok = ok;
      this.lastCompletion = lastCompletion;
      this.slots = slots;
    }

    @Override
    public void accept(HttpResponse<String> response, Throwable error) {
      long now = System.nanoTime();
      try {
        String outcome;
        if (error != null) {
          Throwable cause = error.getCause() != null ? error.getCause() : error;
          outcome =
              cause instanceof HttpTimeoutException
                  ? "timeout"
                  : "I/O error: " + cause.getClass().getSimpleName();
        } else {
          try {
            outcome = responses.accept(index, response, measured);
          } catch (RuntimeException e) {
            outcome = "unreadable response: " + e.getClass().getSimpleName();
          }
        }
        if (measured) {
          if (error == null) {
            recorder.recordValue(Math.max(0, now - intended));
          }
          if (outcome == null) {
            ok.increment();
          } else {
            failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
          }
          lastCompletion.accumulateAndGet(now, Math::max);
        }
      } finally {
        slots.release();
      }
    }
  }
}
