package org.mmlab.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * Sends HTTP/1.1 requests open-loop at a fixed rate over a fixed number of keep-alive connections
 * and records each response's latency from the request's intended send time ({@link
 * OpenLoopPacer}). Connections take the requests in schedule order; when all are busy the next
 * request waits, and that wait is charged to it (no coordinated omission).
 *
 * <p>The warm-up ramps the rate linearly from {@link #WARMUP_START_PERCENT}% of the target to the
 * target, then the measured window runs at exactly the target rate ({@link OpenLoopPacer#ramped}).
 * A full-rate warm-up swamps services just started (cold JIT) and leaves a backlog to the first
 * measured window. Every rate's warm-up ramps, not only the first after a start: one rule is
 * simpler to state, and it softens a step up from a lower rate too.
 *
 * <p>One thread drives every connection with non-blocking I/O: it sleeps until the next request is
 * due or a response arrives, so the generator costs the shared cores little (a thread per
 * connection spent a third as much CPU as the gateway it measured, most of it in wake-ups).
 */
final class OpenLoopLoad {

  /** The rate at the start of the warm-up, in percent of the target rate. */
  static final int WARMUP_START_PERCENT = 10;

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
     * Classifies a response; called on the load generator's event-loop thread.
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
     * A request that got no response (timeout, I/O error); called on the event-loop thread. The
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
   * @param warmup time sent but not measured, the rate ramping up to {@code rate} over it
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
    OpenLoopPacer pacer =
        OpenLoopPacer.ramped(start, rate, warmup.toNanos() / 1e9, WARMUP_START_PERCENT / 100.0);
    long warmupCount = pacer.rampRequests();
    long total = warmupCount + pacer.requestsIn(duration.toNanos() / 1e9);
    Loop loop = new Loop(pacer, warmupCount, total, requests, responses, stop);
    try {
      loop.run();
    } catch (IOException e) {
      throw new UncheckedIOException("load generator: " + e.getMessage(), e);
    } finally {
      loop.close();
    }
    Histogram latency = loop.latency;
    long windowStart = pacer.intendedNanos(warmupCount);
    long end = Math.max(loop.lastCompletion, windowStart);
    double seconds = (end - windowStart) / 1e9;
    if (!loop.stopped) {
      seconds = Math.max(seconds, duration.toNanos() / 1e9);
    }
    Map<String, Long> f = new TreeMap<>(loop.failures);
    long sentTotal = Math.min(loop.next, total);
    return new Result(
        Math.max(0, sentTotal - warmupCount),
        sentTotal,
        loop.ok,
        f,
        latency,
        seconds,
        rate,
        loop.stopped);
  }

  /** The event loop: paces the schedule and drives every connection, on the caller's thread. */
  private final class Loop implements AutoCloseable {
    private static final long STOP_CHECK_NANOS = 10_000_000;
    private static final long MAX_WAIT_NANOS = 100_000_000;

    final OpenLoopPacer pacer;
    final long warmupCount;
    final long total;
    final Requests requests;
    final Responses responses;
    final BooleanSupplier stop;
    final Selector selector;
    final Conn[] conns;
    final ArrayDeque<Conn> idle = new ArrayDeque<>();
    final Histogram latency = new Histogram(3);
    final Map<String, Long> failures = new HashMap<>();
    long ok;
    long next;
    long lastCompletion;
    boolean stopped;
    private long nextStopCheck;
    private int busy;

    Loop(
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
      try {
        this.selector = Selector.open();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
      }
      this.conns = new Conn[connections];
      for (int c = 0; c < connections; c++) {
        conns[c] = new Conn(this);
        idle.add(conns[c]);
      }
    }

    void run() throws IOException, InterruptedException {
      while (true) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        long now = System.nanoTime();
        dispatch(now);
        expire(now);
        if ((next >= total || stopped) && busy == 0) {
          return;
        }
        long wait = waitNanos(now);
        int ready;
        if (wait <= 0) {
          ready = selector.selectNow();
        } else if (wait >= 1_000_000) {
          // Millisecond resolution: wake at most a millisecond early and park for the rest.
          ready = selector.select(wait / 1_000_000);
        } else {
          ready = selector.selectNow();
          if (ready == 0) {
            // Under a millisecond to the next request: a response arriving meanwhile waits at
            // most this long to be read, and that is charged to it.
            LockSupport.parkNanos(wait);
            ready = selector.selectNow();
          }
        }
        if (ready > 0) {
          Iterator<SelectionKey> it = selector.selectedKeys().iterator();
          while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            ((Conn) key.attachment()).ready(key);
          }
        }
      }
    }

    /** Sends every request that is due, while a connection is free. */
    private void dispatch(long now) {
      while (next < total && !stopped && !idle.isEmpty() && pacer.intendedNanos(next) <= now) {
        if (now >= nextStopCheck) {
          nextStopCheck = now + STOP_CHECK_NANOS;
          if (stop.getAsBoolean()) {
            stopped = true;
            return;
          }
        }
        Conn c = idle.poll();
        long i = next++;
        busy++;
        c.send(i, pacer.intendedNanos(i), now);
      }
    }

    private void expire(long now) {
      for (Conn c : conns) {
        if (c.request != null && now - c.deadline >= 0) {
          c.fail("timeout");
        }
      }
    }

    private long waitNanos(long now) {
      long wait = MAX_WAIT_NANOS;
      if (next < total && !stopped && !idle.isEmpty()) {
        wait = Math.min(wait, pacer.intendedNanos(next) - now);
      }
      for (Conn c : conns) {
        if (c.request != null) {
          wait = Math.min(wait, c.deadline - now);
        }
      }
      return wait;
    }

    /** A request ended with a response: judged, counted, its connection freed. */
    void answered(Conn c, int status, String body) {
      long now = System.nanoTime();
      boolean measured = c.index >= warmupCount;
      String outcome;
      try {
        outcome = responses.accept(c.index, c.request, status, body, measured);
      } catch (RuntimeException e) {
        outcome = "unreadable response: " + e.getClass().getSimpleName();
      }
      if (measured) {
        latency.recordValue(Math.max(0, now - c.intended));
      }
      done(c, outcome, measured, now);
    }

    /** A request ended without a response. */
    void unanswered(Conn c, String outcome) {
      boolean measured = c.index >= warmupCount;
      responses.unanswered(c.index, c.request, outcome, measured);
      done(c, outcome, measured, System.nanoTime());
    }

    private void done(Conn c, String outcome, boolean measured, long now) {
      if (measured) {
        if (outcome == null) {
          ok++;
        } else {
          failures.merge(outcome, 1L, Long::sum);
        }
        lastCompletion = Math.max(lastCompletion, now);
      }
      c.request = null;
      busy--;
      idle.add(c);
    }

    @Override
    public void close() {
      for (Conn c : conns) {
        c.close();
      }
      try {
        selector.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }

  /** One keep-alive connection with at most one request in flight. */
  private final class Conn {
    private final Loop loop;
    private final ByteBuffer out = ByteBuffer.allocate(8 * 1024);
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
    private final HttpResponseParser parser = new HttpResponseParser();
    private final StringBuilder head = new StringBuilder(256);
    private ByteBuffer pending;
    private SocketChannel channel;
    private SelectionKey key;
    Request request;
    long index;
    long intended;
    long deadline;

    Conn(Loop loop) {
      this.loop = loop;
    }

    void send(long i, long intendedNanos, long now) {
      index = i;
      intended = intendedNanos;
      deadline = now + timeout.toNanos();
      request = loop.requests.request(i);
      parser.reset("HEAD".equals(request.method()));
      encode(request);
      try {
        if (channel == null) {
          connect();
          if (!channel.isConnected()) {
            return; // written once the connection is up (OP_CONNECT)
          }
        }
        write();
      } catch (IOException e) {
        fail("I/O error: " + e.getClass().getSimpleName());
      }
    }

    private void encode(Request r) {
      byte[] payload = r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8);
      head.setLength(0);
      head.append(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\nHost: ");
      head.append(server.getHost()).append(':').append(port()).append("\r\n");
      if (r.apiKey() != null) {
        head.append("X-API-Key: ").append(r.apiKey()).append("\r\n");
      }
      if (payload != null) {
        head.append("Content-Type: application/json\r\nContent-Length: ")
            .append(payload.length)
            .append("\r\n");
      }
      head.append("\r\n");
      byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
      int length = h.length + (payload == null ? 0 : payload.length);
      ByteBuffer b = length <= out.capacity() ? out : ByteBuffer.allocate(length);
      b.clear();
      b.put(h);
      if (payload != null) {
        b.put(payload);
      }
      b.flip();
      pending = b;
    }

    private void connect() throws IOException {
      SocketChannel ch = SocketChannel.open();
      try {
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        boolean connected = ch.connect(new InetSocketAddress(server.getHost(), port()));
        channel = ch;
        key =
            ch.register(
                loop.selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    }

    private void write() throws IOException {
      channel.write(pending);
      key.interestOps(
          pending.hasRemaining()
              ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
              : SelectionKey.OP_READ);
    }

    void ready(SelectionKey k) {
      try {
        if (!k.isValid()) {
          return;
        }
        if (k.isConnectable()) {
          channel.finishConnect();
          key.interestOps(SelectionKey.OP_READ);
          if (request != null) {
            write();
          }
          return;
        }
        if (k.isWritable()) {
          write();
        }
        if (k.isReadable()) {
          read();
        }
      } catch (IOException e) {
        if (request != null) {
          fail("I/O error: " + e.getClass().getSimpleName());
        } else {
          close();
        }
      }
    }

    private void read() throws IOException {
      while (true) {
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n < 0) {
          if (request != null && parser.endOfStream()) {
            finish();
          } else if (request != null) {
            fail("I/O error: EOFException");
          } else {
            close(); // the server closed an idle keep-alive connection
          }
          return;
        }
        if (n == 0) {
          return;
        }
        if (request == null) {
          throw new IOException("response without a request");
        }
        if (parser.feed(readBuffer.array(), 0, n)) {
          finish();
          return;
        }
      }
    }

    private void finish() {
      boolean closeAfter = parser.closeAfter();
      loop.answered(this, parser.status(), parser.body());
      if (closeAfter) {
        close();
      }
    }

    void fail(String outcome) {
      close();
      loop.unanswered(this, outcome);
    }

    void close() {
      SocketChannel ch = channel;
      channel = null;
      key = null;
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException e) {
          // Closing anyway.
        }
      }
    }
  }

  private int port() {
    return server.getPort() > 0 ? server.getPort() : 80;
  }
}
