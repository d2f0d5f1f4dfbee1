package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmlab.sim.lobster.LobsterBook.ASK;
import static org.mmlab.sim.lobster.LobsterBook.BID;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built two-level day covering every message type, unknown ids (orders resting before the
 * open), hidden executions, halts, and every rule for levels that enter the window from deeper.
 *
 * <p>Before the open the book holds asks 1010000x300, 1020000x200, 1030000x500 and bids 990000x400,
 * 980000x100, 970000x250; only two levels per side are visible.
 */
class LobsterReplayScenarioTest {
  // time, type, id, size, price, direction | ask1, size, bid1, size, ask2, size, bid2, size
  static final String[] ROWS = {
    /* 1 delete of an unknown id: the seed must undo it */
    "34200.000000001,3,11,100,1010000,-1 | 1010000,200,990000,400,1020000,200,980000,100",
    /* 2 */ "34200.000000002,1,100,50,1010000,-1 | 1010000,250,990000,400,1020000,200,980000,100",
    /* 3 new best ask pushes 1020000 out of view */
    "34200.000000003,1,101,30,1005000,-1 | 1005000,30,990000,400,1010000,250,980000,100",
    /* 4 hidden execution: no book change */
    "34200.000000004,5,0,10,1000000,-1 | 1005000,30,990000,400,1010000,250,980000,100",
    /* 5 execution empties the best ask; 1020000 re-enters as known (refreshed) */
    "34200.000000005,4,101,30,1005000,-1 | 1010000,250,990000,400,1020000,200,980000,100",
    /* 6 execution of an unknown id eats the synthetic order first */
    "34200.000000006,4,12,150,1010000,-1 | 1010000,100,990000,400,1020000,200,980000,100",
    /* 7 partial cancel of a known order */
    "34200.000000007,2,100,20,1010000,-1 | 1010000,80,990000,400,1020000,200,980000,100",
    /* 8 */ "34200.000000008,1,200,60,990000,1 | 1010000,80,990000,460,1020000,200,980000,100",
    /* 9 delete of an unknown bid; 970000 enters from deeper, never seen (refreshed) */
    "34200.000000009,3,13,100,980000,1 | 1010000,80,990000,460,1020000,200,970000,250",
    /* 10 cross trade */ "34200.5,6,0,500,1000000,-1 | 1010000,80,990000,460,1020000,200,970000,250",
    /* 11 halt */ "34201,7,0,0,-1,-1 | 1010000,80,990000,460,1020000,200,970000,250",
    /* 12 quoting */ "34201.5,7,0,0,0,-1 | 1010000,80,990000,460,1020000,200,970000,250",
    /* 13 trading */ "34202.25,7,0,0,1,-1 | 1010000,80,990000,460,1020000,200,970000,250",
    /* 14 */ "34203.000000014,1,102,40,1015000,-1 | 1010000,80,990000,460,1015000,40,970000,250",
    /* 15 1020000 re-enters with 60 more than known: synthetic at the back (refreshed) */
    "34203.000000015,3,102,40,1015000,-1 | 1010000,80,990000,460,1020000,260,970000,250",
    /* 16 */ "34203.000000016,1,103,70,1020000,-1 | 1010000,80,990000,460,1020000,330,970000,250",
    /* 17 */ "34203.000000017,1,104,10,1012000,-1 | 1010000,80,990000,460,1012000,10,970000,250",
    /* 18 re-enters 60 short: the one order of exactly 60 goes (refreshed) */
    "34203.000000018,3,104,10,1012000,-1 | 1010000,80,990000,460,1020000,270,970000,250",
    /* 19 */ "34203.000000019,1,105,5,1011000,-1 | 1010000,80,990000,460,1011000,5,970000,250",
    /* 20 re-enters 20 short, no order of 20: trimmed from the back (refreshed) */
    "34203.000000020,3,105,5,1011000,-1 | 1010000,80,990000,460,1020000,250,970000,250",
    /* 21 */ "34203.000000021,1,106,5,1011000,-1 | 1010000,80,990000,460,1011000,5,970000,250",
    /* 22 1020000 vanished out of view, 1025000 shows instead (refreshed) */
    "34203.000000022,3,106,5,1011000,-1 | 1010000,80,990000,460,1025000,90,970000,250",
    /* 23 cancel of an unknown id larger than the synthetic orders: then from the back */
    "34203.000000023,2,14,60,1010000,-1 | 1010000,20,990000,460,1025000,90,970000,250",
    /* 24 bid side shrinks below two levels */
    "34203.000000024,3,15,250,970000,1 | 1010000,20,990000,460,1025000,90,-9999999999,0",
    /* 25 */ "34203.000000025,1,201,10,995000,1 | 1010000,20,995000,10,1025000,90,990000,460",
    /* 26 */ "34203.000000026,1,202,5,996000,1 | 1010000,20,996000,5,1025000,90,995000,10",
    /* 27 990000 re-enters as known (refreshed) */
    "34203.000000027,3,202,5,996000,1 | 1010000,20,995000,10,1025000,90,990000,460",
    /* 28 */ "34203.000000028,1,203,5,996000,1 | 1010000,20,996000,5,1025000,90,995000,10",
    /* 29 990000 vanished out of view and nothing is deeper: dropped (a wipe, not refreshed) */
    "34203.000000029,3,203,5,996000,1 | 1010000,20,995000,10,1025000,90,-9999999999,0",
    /* 30 partial execution of a known order */
    "34203.000000030,4,201,4,995000,1 | 1010000,20,995000,6,1025000,90,-9999999999,0",
    /* 31 execution of an unknown id with no synthetic order left: from the front (refreshed) */
    "34203.000000031,4,16,20,1010000,-1 | 1025000,90,995000,6,1030000,500,-9999999999,0",
  };

  @TempDir Path dir;

  @Test
  void replaysEveryRowExactlyAndKeepsTheQueues() throws IOException {
    List<String> msg = new ArrayList<>();
    List<String> ob = new ArrayList<>();
    for (String row : ROWS) {
      String[] parts = row.split("\\|");
      msg.add(parts[0].trim());
      ob.add(parts[1].trim());
    }
    Path m = dir.resolve("S_2012-06-21_34200000_57600000_message_2.csv");
    Path o = dir.resolve("S_2012-06-21_34200000_57600000_orderbook_2.csv");
    Files.write(m, msg);
    Files.write(o, ob);

    List<Integer> refreshedRows = new ArrayList<>();
    long virtualOrder = -1;
    long seq101 = -1;
    try (LobsterReplay replay = LobsterReplay.open(m, o)) {
      LobsterBook book = replay.book();
      LobsterRow row = replay.row();
      while (replay.next()) {
        int k = (int) row.line();
        assertThat(book.matches(row))
            .as("row %d: ours %s, file %s", k, book.windowString(2), row.windowString())
            .isTrue();
        if (replay.rowRefreshed()) {
          refreshedRows.add(k);
        }
        switch (k) {
          case 1:
            // Seeded with 300 before the delete: one synthetic order of 200 is left.
            assertThat(queue(book, ASK, 1010000)).containsExactly("synthetic:200");
            assertThat(queue(book, BID, 990000)).containsExactly("synthetic:400");
            break;
          case 2:
            assertThat(queue(book, ASK, 1010000)).containsExactly("synthetic:200", "100:50");
            assertThat(book.sizeAhead(100)).isEqualTo(200);
            assertThat(book.orderSize(100)).isEqualTo(50);
            assertThat(book.orderPrice(100)).isEqualTo(1010000);
            assertThat(book.orderSide(100)).isEqualTo(ASK);
            // A simulated order joins the queue here, behind 250 shares.
            virtualOrder = book.reserveSequence();
            assertThat(book.sizeAheadOfSequence(ASK, 1010000, virtualOrder)).isEqualTo(250);
            break;
          case 3:
            seq101 = book.orderSequence(101);
            assertThat(book.lastOrderSequence()).isEqualTo(seq101).isGreaterThan(virtualOrder);
            assertThat(book.levelCount(ASK)).isEqualTo(3); // 1020000 kept out of view
            assertThat(book.sizeAtPrice(ASK, 1020000)).isEqualTo(200);
            break;
          case 4:
            assertThat(book.orderSize(101)).isEqualTo(30);
            assertThat(book.lastOrderSequence()).isEqualTo(-1);
            break;
          case 5:
            // The executed order is gone, but the simulator can still place it in time.
            assertThat(book.containsOrder(101)).isFalse();
            assertThat(book.lastOrderSequence()).isEqualTo(seq101);
            break;
          case 6:
            assertThat(book.lastOrderSequence()).isEqualTo(-1);
            assertThat(queue(book, ASK, 1010000)).containsExactly("synthetic:50", "100:50");
            assertThat(book.sizeAheadOfSequence(ASK, 1010000, virtualOrder)).isEqualTo(100);
            break;
          case 7:
            assertThat(queue(book, ASK, 1010000)).containsExactly("synthetic:50", "100:30");
            break;
          case 8:
            assertThat(queue(book, BID, 990000)).containsExactly("synthetic:400", "200:60");
            assertThat(book.sizeAhead(200)).isEqualTo(400);
            assertThat(book.orderSide(200)).isEqualTo(BID);
            break;
          case 9:
            assertThat(queue(book, BID, 970000)).containsExactly("synthetic:250");
            assertThat(book.sizeAtPrice(BID, 980000)).isZero();
            break;
          case 11:
            assertThat(book.tradingState()).isEqualTo(LobsterBook.HALTED);
            break;
          case 12:
            assertThat(book.tradingState()).isEqualTo(LobsterBook.QUOTING);
            break;
          case 13:
            assertThat(book.tradingState()).isEqualTo(LobsterBook.TRADING);
            break;
          case 15:
            assertThat(queue(book, ASK, 1020000)).containsExactly("synthetic:200", "synthetic:60");
            break;
          case 16:
            assertThat(book.sizeAhead(103)).isEqualTo(260);
            break;
          case 18:
            assertThat(queue(book, ASK, 1020000)).containsExactly("synthetic:200", "103:70");
            break;
          case 20:
            assertThat(queue(book, ASK, 1020000)).containsExactly("synthetic:200", "103:50");
            assertThat(book.orderSize(103)).isEqualTo(50);
            break;
          case 22:
            assertThat(book.sizeAtPrice(ASK, 1020000)).isZero();
            assertThat(book.containsOrder(103)).isFalse();
            assertThat(queue(book, ASK, 1025000)).containsExactly("synthetic:90");
            break;
          case 23:
            assertThat(queue(book, ASK, 1010000)).containsExactly("100:20");
            assertThat(book.sizeAheadOfSequence(ASK, 1010000, virtualOrder)).isEqualTo(20);
            break;
          case 24:
            assertThat(book.levelCount(BID)).isEqualTo(1);
            assertThat(book.price(BID, 1)).isEqualTo(LobsterRow.EMPTY_BID_PRICE);
            assertThat(book.size(BID, 1)).isZero();
            break;
          case 26:
            assertThat(book.levelCount(BID)).isEqualTo(3);
            break;
          case 29:
            assertThat(book.wipes()).isEqualTo(1);
            assertThat(book.levelCount(BID)).isEqualTo(1);
            assertThat(book.containsOrder(200)).isFalse();
            break;
          case 30:
            assertThat(book.orderSize(201)).isEqualTo(6);
            break;
          case 31:
            assertThat(book.containsOrder(100)).isFalse();
            assertThat(book.bestAsk()).isEqualTo(1025000);
            assertThat(queue(book, ASK, 1030000)).containsExactly("synthetic:500");
            assertThat(book.sizeAheadOfSequence(ASK, 1010000, virtualOrder)).isZero();
            break;
          default:
            break;
        }
      }
      assertThat(replay.rows()).isEqualTo(ROWS.length);
      assertThat(replay.refreshedRows()).isEqualTo(8);
      assertThat(book.anomalies()).isZero();
      assertThat(book.sizeAhead(999)).isEqualTo(-1);
      assertThat(book.orderSequence(999)).isEqualTo(-1);
    }
    assertThat(refreshedRows).containsExactly(5, 9, 15, 18, 20, 22, 27, 31);
  }

  @Test
  void seedingUndoesTheFirstMessageSoItsOrderIsKnown() {
    LobsterBook book = new LobsterBook();
    LobsterRow row = new LobsterRow(2);
    row.message(1, 1, LobsterMessageType.NEW, 7, 10, 1010000, -1);
    row.level(0, 1010000, 10, 990000, 5).level(1, 1020000, 7, LobsterRow.EMPTY_BID_PRICE, 0);
    book.seed(row);
    assertThat(book.levelCount(ASK)).isEqualTo(1); // the new order's level did not exist before
    assertThat(book.bestAsk()).isEqualTo(1020000);
    book.apply(row);
    assertThat(book.matches(row)).isTrue();
    assertThat(queue(book, ASK, 1010000)).containsExactly("7:10");
    assertThat(queue(book, BID, 990000)).containsExactly("synthetic:5");

    row.message(1, 1, LobsterMessageType.EXECUTE, 8, 4, 990000, 1);
    book.seed(row);
    assertThat(queue(book, BID, 990000)).containsExactly("synthetic:9");
    book.apply(row);
    assertThat(queue(book, BID, 990000)).containsExactly("synthetic:5");
    assertThat(book.orderCount()).isEqualTo(3);
  }

  @Test
  void rejectsAnUnknownMessageType() {
    LobsterBook book = new LobsterBook();
    assertThatThrownBy(() -> book.apply(9, 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown LOBSTER message type 9");
  }

  @Test
  void formatsTimesAsLobsterWritesThem() {
    assertThat(LobsterRow.formatTime(34_200_189_607_670L)).isEqualTo("34200.189607670");
    assertThat(LobsterRow.formatTime(34_201_000_000_000L)).isEqualTo("34201.000000000");
  }

  private static List<String> queue(LobsterBook book, int side, long price) {
    List<String> q = new ArrayList<>();
    book.forEachOrder(
        side,
        price,
        (id, size, seq) -> q.add((LobsterBook.isSynthetic(id) ? "synthetic" : id) + ":" + size));
    assertThat(q.size()).isEqualTo(book.orderCountAtPrice(side, price));
    return q;
  }
}
