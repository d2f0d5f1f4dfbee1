package org.mmlab.sim.lobster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a small LOBSTER day for tests: messages are applied to a plain reference book (levels
 * only, plus the sizes of known orders) and each orderbook row is that book's top N after the
 * message, so the pair is consistent. Orders resting before the open are given as levels. A side
 * must never hold more than N levels (nothing enters the window from deeper).
 */
final class TinyDay {
  static final long SECOND = 1_000_000_000L;

  private final int levels;
  private final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
  private final TreeMap<Long, Long> asks = new TreeMap<>();
  private final Map<Long, Long> known = new HashMap<>();
  private final List<String> messages = new ArrayList<>();
  private final List<String> books = new ArrayList<>();

  TinyDay(int levels) {
    this.levels = levels;
  }

  /** A level resting before the open (direction 1 bid, -1 ask). */
  TinyDay resting(int dir, long price, long size) {
    side(dir).merge(price, size, Long::sum);
    return this;
  }

  TinyDay add(long t, long id, long size, long price, int dir) {
    known.put(id, size);
    side(dir).merge(price, size, Long::sum);
    return row(t, 1, id, size, price, dir);
  }

  TinyDay cancel(long t, long id, long size, long price, int dir) {
    take(id, size, price, dir, false);
    return row(t, 2, id, size, price, dir);
  }

  TinyDay delete(long t, long id, long size, long price, int dir) {
    take(id, size, price, dir, true);
    return row(t, 3, id, size, price, dir);
  }

  TinyDay execute(long t, long id, long size, long price, int dir) {
    take(id, size, price, dir, false);
    return row(t, 4, id, size, price, dir);
  }

  TinyDay hidden(long t, long size, long price, int dir) {
    return row(t, 5, 0, size, price, dir);
  }

  private void take(long id, long size, long price, int dir, boolean delete) {
    TreeMap<Long, Long> s = side(dir);
    long left = s.getOrDefault(price, 0L) - size;
    if (left < 0) {
      throw new IllegalArgumentException("level " + price + " cannot lose " + size);
    }
    if (left == 0) {
      s.remove(price);
    } else {
      s.put(price, left);
    }
    Long k = known.get(id);
    if (k != null) {
      if (delete || k == size) {
        known.remove(id);
      } else {
        known.put(id, k - size);
      }
    }
  }

  private TreeMap<Long, Long> side(int dir) {
    return dir == 1 ? bids : asks;
  }

  private TinyDay row(long t, int type, long id, long size, long price, int dir) {
    if (bids.size() > levels || asks.size() > levels) {
      throw new IllegalStateException("more than " + levels + " levels on a side");
    }
    messages.add(
        LobsterRow.formatTime(t) + "," + type + "," + id + "," + size + "," + price + "," + dir);
    StringBuilder b = new StringBuilder();
    List<Map.Entry<Long, Long>> a = new ArrayList<>(asks.entrySet());
    List<Map.Entry<Long, Long>> bd = new ArrayList<>(bids.entrySet());
    for (int i = 0; i < levels; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(i < a.size() ? a.get(i).getKey() + "," + a.get(i).getValue() : "9999999999,0");
      b.append(',');
      b.append(i < bd.size() ? bd.get(i).getKey() + "," + bd.get(i).getValue() : "-9999999999,0");
    }
    books.add(b.toString());
    return this;
  }

  /** Writes {@code TEST_2012-06-21_34200000_57600000_message_N.csv} and its orderbook file. */
  Path write(Path dir) throws IOException {
    String base = "TEST_2012-06-21_34200000_57600000_";
    Path m = dir.resolve(base + "message_" + levels + ".csv");
    Files.write(m, messages);
    Files.write(dir.resolve(base + "orderbook_" + levels + ".csv"), books);
    return m;
  }

  static long sec(double seconds) {
    return Math.round(seconds * 1e3) * 1_000_000L;
  }
}
