package org.mmlab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.Heartbeat;
import org.mmlab.api.marketdata.MarketDataMessage;
import org.mmlab.api.marketdata.PriceLevel;
import org.mmlab.api.marketdata.Trade;
import tools.jackson.databind.json.JsonMapper;

class MarketDataFeedTest {
  static final InstrumentInfo SIM =
      new InstrumentInfo("SIM", new BigDecimal("0.01"), BigDecimal.ONE);

  static PriceLevel lvl(String px, long sz) {
    return new PriceLevel(new BigDecimal(px), BigDecimal.valueOf(sz));
  }

  static BookSnapshot snapshot(long seq) {
    return new BookSnapshot(
        seq,
        0,
        "zi",
        SIM,
        List.of(lvl("99.99", 5), lvl("99.98", 7)),
        List.of(lvl("100.01", 3), lvl("100.02", 4)));
  }

  final List<String> events = new ArrayList<>();
  final VenueListener recorder =
      new VenueListener() {
        @Override
        public void onSnapshot(LocalBook book, long simTime) {
          events.add("snapshot " + book.seq());
        }

        @Override
        public void onBook(LocalBook book, long simTime) {
          events.add("book " + book.bestBid() + "x" + book.bestAsk());
        }

        @Override
        public void onTrade(Trade trade, long priceTicks, long sizeLots) {
          events.add("trade " + priceTicks + "@" + sizeLots);
        }

        @Override
        public void onExecution(ExecutionReport report) {
          events.add("exec " + report.seq());
        }
      };

  @Test
  void snapshotThenDeltasKeepTheLocalBook() {
    MarketDataFeed feed = new MarketDataFeed(recorder);
    assertThat(feed.accept(new Heartbeat(3, 0, true))).isTrue(); // before the snapshot: ignored
    assertThat(feed.accept(snapshot(10))).isTrue();
    assertThat(
            feed.accept(
                new BookUpdate(11, 1, List.of(lvl("99.99", 0), lvl("100.00", 2)), List.of())))
        .isTrue();
    assertThat(feed.accept(new Trade(12, 2, new BigDecimal("100.01"), BigDecimal.ONE, Side.BUY)))
        .isTrue();
    LocalBook book = feed.book();
    assertThat(book.bestBid()).isEqualTo(10000);
    assertThat(book.bestBidSize()).isEqualTo(2);
    assertThat(book.bidSizeAt(9999)).isZero();
    assertThat(book.bestAsk()).isEqualTo(10001);
    assertThat(book.bidLevels()).isEqualTo(2);
    long[] px = new long[1];
    long[] sz = new long[1];
    assertThat(book.asks(px, sz)).isEqualTo(1);
    assertThat(px[0]).isEqualTo(10001);
    assertThat(events).containsExactly("snapshot 10", "book 10000x10001", "trade 10001@1");
    assertThat(feed.gaps()).isZero();
  }

  @Test
  void aGapAsksForAResubscriptionAndANewSnapshotHealsIt() {
    MarketDataFeed feed = new MarketDataFeed(recorder);
    feed.accept(snapshot(10));
    assertThat(feed.accept(new Heartbeat(10, 0, true))).isTrue(); // duplicate: ignored
    assertThat(feed.accept(new Heartbeat(12, 0, true))).isFalse(); // 11 is missing
    assertThat(feed.gaps()).isEqualTo(1);
    feed.resubscribing();
    // Deltas before the new snapshot are not applied.
    assertThat(feed.accept(new BookUpdate(13, 0, List.of(lvl("99.99", 0)), List.of()))).isTrue();
    assertThat(feed.book().bestBidSize()).isEqualTo(5);
    assertThat(feed.accept(snapshot(20))).isTrue();
    assertThat(feed.accept(new Heartbeat(21, 0, true))).isTrue();
    assertThat(events).containsExactly("snapshot 10", "snapshot 20");
  }

  @Test
  void executionReportsArriveOnceAndInOrder() {
    ExecutionFeed feed =
        new ExecutionFeed(recorder, (from, to) -> events.add("resync " + from + "->" + to));
    assertThat(feed.nextSeq()).isZero();
    assertThat(feed.accept(accepted(1))).isTrue();
    assertThat(feed.accept(accepted(2))).isTrue();
    assertThat(feed.accept(accepted(2))).isTrue(); // a replay: dropped
    assertThat(feed.accept(accepted(4))).isFalse(); // 3 missing: reconnect from 3
    assertThat(feed.nextSeq()).isEqualTo(3);
    feed.connecting();
    assertThat(feed.accept(accepted(3))).isTrue(); // the replay fills the gap: no resync
    assertThat(feed.accept(accepted(4))).isTrue();
    assertThat(events).containsExactly("exec 1", "exec 2", "exec 3", "exec 4");
    assertThat(feed.resyncs()).isZero();
  }

  @Test
  void aResumedStreamThatCannotReplayTheHoleResyncsOnceAndCarriesOn() {
    ExecutionFeed feed =
        new ExecutionFeed(recorder, (from, to) -> events.add("resync " + from + "->" + to));
    feed.connecting(); // the first connection: the live stream, nothing to resume
    assertThat(feed.accept(accepted(5))).isTrue();
    feed.connecting(); // resumed from 6, but the gateway kept only from 9
    assertThat(feed.accept(accepted(9))).isTrue();
    assertThat(feed.accept(accepted(10))).isTrue();
    assertThat(feed.accept(accepted(12))).isFalse(); // mid-connection: a gap, reconnect
    feed.connecting(); // resumed from 11 after a gateway restart: a new sequence
    assertThat(feed.accept(accepted(10))).isTrue(); // a replay of one delivered: dropped
    assertThat(feed.accept(later(accepted(1)))).isTrue(); // produced after 10: a new sequence
    assertThat(feed.accept(later(accepted(2)))).isTrue();
    assertThat(events)
        .containsExactly(
            "exec 5", "resync 6->9", "exec 9", "exec 10", "resync 11->1", "exec 1", "exec 2");
    assertThat(feed.resyncs()).isEqualTo(2);
  }

  @Test
  void aFailedResyncLeavesTheFeedWhereItWasSoTheNextConnectionTriesAgain() {
    boolean[] fail = {true};
    ExecutionFeed feed =
        new ExecutionFeed(
            recorder,
            (from, to) -> {
              if (fail[0]) {
                throw new VenueException(0, null, "GET /api/v1/positions: refused", null);
              }
              events.add("resync " + from + "->" + to);
            });
    assertThat(feed.accept(accepted(1))).isTrue();
    feed.connecting();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed.accept(accepted(4)))
        .isInstanceOf(VenueException.class);
    assertThat(feed.nextSeq()).isEqualTo(2);
    fail[0] = false;
    feed.connecting();
    assertThat(feed.accept(accepted(4))).isTrue();
    assertThat(events).containsExactly("exec 1", "resync 2->4", "exec 4");
  }

  @Test
  void wireMessagesParseWithThePlainJsonMapper() {
    JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    String text = json.writeValueAsString(snapshot(5));
    assertThat(json.readValue(text, MarketDataMessage.class)).isEqualTo(snapshot(5));
    ExecutionReport r = accepted(7);
    assertThat(json.readValue(json.writeValueAsString(r), ExecutionReport.class)).isEqualTo(r);
  }

  @Test
  void webSocketUrlsFollowTheHttpScheme() {
    assertThat(VenueClient.ws(URI.create("http://h:1"), "/ws/x"))
        .isEqualTo(URI.create("ws://h:1/ws/x"));
    assertThat(VenueClient.ws(URI.create("https://h"), "/ws/x"))
        .isEqualTo(URI.create("wss://h/ws/x"));
  }

  static OrderAccepted later(OrderAccepted a) {
    return new OrderAccepted(
        a.seq(),
        a.orderId(),
        a.clientOrderId(),
        a.simTime(),
        a.time().plusSeconds(60),
        a.side(),
        a.type(),
        a.price(),
        a.size(),
        a.quote());
  }

  static OrderAccepted accepted(long seq) {
    return new OrderAccepted(
        seq,
        seq,
        "c" + seq,
        0,
        Instant.parse("2026-01-01T00:00:00Z"),
        Side.BUY,
        OrderType.POST_ONLY,
        new BigDecimal("100.00"),
        BigDecimal.ONE,
        true);
  }
}
