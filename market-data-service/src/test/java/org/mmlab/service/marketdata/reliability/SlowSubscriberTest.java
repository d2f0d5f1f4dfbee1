package org.mmlab.service.marketdata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mmlab.api.Endpoints;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.MarketDataMessage;
import org.mmlab.api.marketdata.PriceLevel;
import org.mmlab.api.simulation.SimulationStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Market-data subscribers that stop reading: they are disconnected (1008) while the other
 * subscribers receive every seq without a gap and matching goes on; the event rates with and
 * without them are printed (for the README, not asserted). And a subscriber that reconnects gets a
 * snapshot from which its book is the same as that of a subscriber that never left.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.exchange.speed=200",
      "mmlab.exchange.subscriber-buffer=64",
      "mmlab.exchange.heartbeat-interval=200ms",
      "mmlab.exchange.internal-token=slow-token"
    })
@AutoConfigureWebTestClient
@AutoConfigureMetrics
class SlowSubscriberTest {
  @LocalServerPort int port;
  @Autowired WebTestClient web;
  @Autowired JsonMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A reader that takes every message (or, stalled, none: it never asks for one). */
  private final class Reader implements WebSocket.Listener {
    final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final boolean stalled;
    private final StringBuilder partial = new StringBuilder();
    volatile boolean closed;
    WebSocket socket;

    Reader(boolean stalled) {
      this.stalled = stalled;
      socket =
          http.newWebSocketBuilder()
              .buildAsync(URI.create("ws://localhost:" + port + Endpoints.MARKET_DATA_WS), this)
              .join();
    }

    @Override
    public void onOpen(WebSocket ws) {
      if (!stalled) {
        ws.request(1);
      } // stalled: no demand, so the client stops reading and TCP pushes back
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed = true;
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed = true;
    }

    MarketDataMessage next() throws InterruptedException {
      String s = messages.poll(10, TimeUnit.SECONDS);
      assertThat(s).as("a message within 10 s").isNotNull();
      return json.readValue(s, MarketDataMessage.class);
    }

    void close() {
      socket.abort();
    }
  }

  private SimulationStatus status() {
    return web.get()
        .uri(Endpoints.SIMULATION)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(SimulationStatus.class)
        .returnResult()
        .getResponseBody();
  }

  /** Reads for a while, checking that every seq follows the previous one; returns the count. */
  private long readGapless(Reader r, long[] lastSeq, long nanos) throws InterruptedException {
    long end = System.nanoTime() + nanos;
    long n = 0;
    while (System.nanoTime() < end) {
      MarketDataMessage m = r.next();
      assertThat(m.seq()).as("seq after %d", lastSeq[0]).isEqualTo(lastSeq[0] + 1);
      lastSeq[0] = m.seq();
      n++;
    }
    return n;
  }

  @Test
  void stalledSubscribersAreDroppedWhileOthersGetEverySeqAndMatchingGoesOn() throws Exception {
    Reader fast = new Reader(false);
    MarketDataMessage first = fast.next();
    assertThat(first).isInstanceOf(BookSnapshot.class);
    long[] seq = {first.seq()};
    long phase = Duration.ofSeconds(4).toNanos();

    SimulationStatus s0 = status();
    long t0 = System.nanoTime();
    long alone = readGapless(fast, seq, phase);
    SimulationStatus s1 = status();
    double aloneSeconds = (System.nanoTime() - t0) / 1e9;

    double droppedBefore = droppedCount();
    List<Reader> stalled = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      stalled.add(new Reader(true));
    }
    long t1 = System.nanoTime();
    long withStalled = readGapless(fast, seq, phase);
    SimulationStatus s2 = status();
    double withSeconds = (System.nanoTime() - t1) / 1e9;

    // The stalled ones are dropped; the reader keeps getting every seq meanwhile.
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (status().subscribers() > 1 && System.nanoTime() < end) {
      readGapless(fast, seq, Duration.ofMillis(200).toNanos());
    }
    SimulationStatus dropped = status();
    assertThat(dropped.subscribers()).as("only the reading subscriber is left").isEqualTo(1);
    long afterDrop = readGapless(fast, seq, Duration.ofSeconds(1).toNanos());
    SimulationStatus s3 = status();
    assertThat(afterDrop).isPositive();
    assertThat(s3.eventsProcessed())
        .as("matching goes on")
        .isGreaterThan(dropped.eventsProcessed());
    assertThat(fast.closed).isFalse();
    assertThat(droppedCount() - droppedBefore).as("dropped as slow").isEqualTo(4);
    System.out.printf(
        "slow subscribers: alone %.0f msg/s to the reader, %.0f exchange events/s; with 4"
            + " stalled subscribers %.0f msg/s, %.0f events/s; stalled ones dropped after %.1f s%n",
        alone / aloneSeconds,
        (s1.eventsProcessed() - s0.eventsProcessed()) / aloneSeconds,
        withStalled / withSeconds,
        (s2.eventsProcessed() - s1.eventsProcessed()) / withSeconds,
        (System.nanoTime() - t1) / 1e9);
    fast.close();
    stalled.forEach(Reader::close);
  }

  /** The exchange's count of subscribers dropped as slow, from its metrics. */
  private double droppedCount() {
    String metrics =
        web.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("mmlab_marketdata_dropped_total{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no mmlab_marketdata_dropped_total in the metrics");
  }

  /** A book kept from a snapshot and the updates after it. */
  private static final class Book {
    final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
    final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

    void apply(MarketDataMessage m) {
      if (m instanceof BookSnapshot s) {
        bids.clear();
        asks.clear();
        apply(bids, s.bids());
        apply(asks, s.asks());
      } else if (m instanceof BookUpdate u) {
        apply(bids, u.bids());
        apply(asks, u.asks());
      }
    }

    private static void apply(Map<BigDecimal, BigDecimal> side, List<PriceLevel> levels) {
      for (PriceLevel l : levels) {
        if (l.size().signum() == 0) {
          side.remove(l.price().stripTrailingZeros());
        } else {
          side.put(l.price().stripTrailingZeros(), l.size().stripTrailingZeros());
        }
      }
    }
  }

  /** Applies messages until seq {@code target}; checks that seqs follow each other. */
  private static void runTo(Reader r, Book book, long[] seq, long target)
      throws InterruptedException {
    while (seq[0] < target) {
      MarketDataMessage m = r.next();
      assertThat(m.seq()).isEqualTo(seq[0] + 1);
      seq[0] = m.seq();
      book.apply(m);
    }
  }

  @Test
  void aReconnectingSubscriberRebuildsTheSameBookFromTheSnapshot() throws Exception {
    Reader steady = new Reader(false);
    Book steadyBook = new Book();
    MarketDataMessage s0 = steady.next();
    steadyBook.apply(s0);
    long[] steadySeq = {s0.seq()};

    Reader leaving = new Reader(false);
    MarketDataMessage l0 = leaving.next();
    long[] leavingSeq = {l0.seq()};
    Book leavingBook = new Book();
    leavingBook.apply(l0);
    runTo(leaving, leavingBook, leavingSeq, l0.seq() + 100);
    leaving.close(); // drops the connection mid-stream
    Thread.sleep(500); // the market moves on meanwhile

    Reader back = new Reader(false);
    MarketDataMessage snapshot = back.next();
    assertThat(snapshot).isInstanceOf(BookSnapshot.class);
    assertThat(snapshot.seq()).isGreaterThan(leavingSeq[0]);
    Book backBook = new Book();
    backBook.apply(snapshot);
    long[] backSeq = {snapshot.seq()};
    long target = snapshot.seq() + 300;
    runTo(back, backBook, backSeq, target);
    runTo(steady, steadyBook, steadySeq, target);
    assertThat(backBook.bids).isNotEmpty();
    assertThat(backBook.bids).isEqualTo(steadyBook.bids);
    assertThat(backBook.asks).isEqualTo(steadyBook.asks);
    steady.close();
    back.close();
  }
}
