package org.mmlab.cli.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends HTTP requests open-loop at a fixed rate over a fixed number of keep-alive connections (one
 * thread each) and records each response's latency from the request's intended send time ({@link
 * OpenLoopPacer}). Connections take the requests in schedule order; when all are busy the next
 * request waits, and that wait is charged to it (no coordinated omission).
 */
final class OpenLoopLoad {

  /**
   * One request.
   *
   * @param method GET, POST, DELETE
   * @param path path on the server
   * @param apiKey the {@code X-API-Key} header, or null
   * @param body the JSON body, or null
   */
  record Request(String method, String path, String apiKey, String body) {}

  /** Builds request number {@code index}. */
  interface Requests {
    /**
     * The request.
     *
     * @param index from 0
     * @return the request to send
     */
    Request request(long index);
  }

  /** Judges a response. */
  interface Responses {
    /**
     * Classifies a response; called on the connection threads.
     *
     * @param index the request's index
     * @param request the request
     * @param status the HTTP status
     * @param body the response body
     * @param measured whether the request belongs to the measured window (not the warm-up)
     * @return null for a success, else a short outcome name (for example {@code HTTP 429
     *     RATE_LIMITED})
     */
    String accept(long index, Request request, int status, String body, boolean measured);

    /**
     * A request that got no response (timeout, I/O error); called on the connection threads. The
     * default does nothing.
     *
     * @param index the request's index
     * @param request the request
     * @param outcome the outcome name ({@code timeout}, {@code I/O error: ...})
     * @param measured whether the request belongs to the measured window
     */
    default void unanswered(long index, Request request, String outcome, boolean measured) {}
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

  private final URI server;
  private final int connections;
  private final Duration timeout;

  /**
   * A load generator.
   *
   * @param server the server's base URL
   * @param connections keep-alive connections = requests in flight at most
   * @param timeout connect and response timeout of each request
   */
  OpenLoopLoad(URI server, int connections, Duration timeout) {
    this.server = server;
    this.connections = connections;
    this.timeout = timeout;
  }

  /**
   * Runs the load.
   *
   * @param requests the requests
   * @param responses judges the responses
   * @param rate requests per second
   * @param warmup time sent but not measured
   * @param duration measured time
   * @param stop checked before each request; true ends the run early
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
    long start = System.nanoTime() + 5_000_000;
    OpenLoopPacer pacer = new OpenLoopPacer(start, rate);
    long warmupCount = pacer.requestsIn(warmup.toNanos() / 1e9);
    long total = warmupCount + pacer.requestsIn(duration.toNanos() / 1e9);
    Shared shared = new Shared(pacer, warmupCount, total, requests, responses, stop);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread t = new Thread(new Worker(shared), "bench-conn-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    Histogram latency = shared.recorder.getIntervalHistogram();
    long windowStart = pacer.intendedNanos(warmupCount);
    long end = Math.max(shared.lastCompletion.get(), windowStart);
    double seconds = (end - windowStart) / 1e9;
    boolean early = shared.stopped.get();
    if (!early) {
      seconds = Math.max(seconds, duration.toNanos() / 1e9);
    }
    Map<String, Long> f = new TreeMap<>();
    shared.failures.forEach((k, v) -> f.put(k, v.sum()));
    long sentTotal = Math.min(shared.next.get(), total);
    return new Result(
        Math.max(0, sentTotal - warmupCount),
        sentTotal,
        shared.ok.sum(),
        f,
        latency,
        seconds,
        rate,
        early);
  }

  /** What the connection threads share. */
  private static final class Shared {
    final OpenLoopPacer pacer;
    final long warmupCount;
    final long total;
    final Requests requests;
    final Responses responses;
    final BooleanSupplier stop;
    final AtomicLong next = new AtomicLong();
    final AtomicBoolean stopped = new AtomicBoolean();
    final Recorder recorder = new Recorder(3);
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final LongAdder ok = new LongAdder();
    final AtomicLong lastCompletion = new AtomicLong();

    Shared(
        OpenLoopPacer pacer,
        long warmupCount,
        long total,
        Requests requests,
        Responses responses,
        BooleanSupplier stop) {
      this.pacer = pacer;
      this.warmupCount = warmupCount;
      this.total = total;
      this.requests = requests;
      this.responses = responses;
      this.stop = stop;
    }

    void fail(String outcome) {
      failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }
  }

  /** One connection: takes the next request of the schedule, waits for its time, sends it. */
  private final class Worker implements Runnable {
    private final Shared s;
    private final HttpConnection conn;

    Worker(Shared s) {
      this.s = s;
      this.conn = new HttpConnection(server, (int) timeout.toMillis());
    }

    @Override
    public void run() {
      try {
        while (true) {
          long i = s.next.getAndIncrement();
          if (i >= s.total || s.stopped.get()) {
            return;
          }
          long intended = s.pacer.intendedNanos(i);
          for (long wait = intended - System.nanoTime();
              wait > 0;
              wait = intended - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
          if (s.stop.getAsBoolean()) {
            s.stopped.set(true);
            return;
          }
          one(i, intended);
        }
      } finally {
        conn.close();
      }
    }

    private void one(long i, long intended) {
      boolean measured = i >= s.warmupCount;
      Request r = s.requests.request(i);
      String outcome;
      HttpConnection.Response resp = null;
      try {
        resp =
            conn.exchange(
                r.method(),
                r.path(),
                r.apiKey() == null ? null : new String[] {"X-API-Key: " + r.apiKey()},
                r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8));
        try {
          outcome = s.responses.accept(i, r, resp.status(), resp.body(), measured);
        } catch (RuntimeException e) {
          outcome = "unreadable response: " + e.getClass().getSimpleName();
        }
      } catch (SocketTimeoutException e) {
        outcome = "timeout";
        s.responses.unanswered(i, r, outcome, measured);
      } catch (IOException e) {
        outcome = "I/O error: " + e.getClass().getSimpleName();
        s.responses.unanswered(i, r, outcome, measured);
      }
      long now = System.nanoTime();
      if (measured) {
        if (resp != null) {
          s.recorder.recordValue(Math.max(0, now - intended));
        }
        if (outcome == null) {
          s.ok.increment();
        } else {
          s.fail(outcome);
        }
        s.lastCompletion.accumulateAndGet(now, Math::max);
      }
    }
  }
}
