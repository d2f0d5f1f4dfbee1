package org.mmlab.service.marketdata.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.mmlab.api.CancelReason;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.CancelAllCommand;
import org.mmlab.api.exchange.CancelCommand;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.QuoteCommand;
import org.mmlab.api.exchange.QuoteSide;
import org.mmlab.api.exchange.SubmitCommand;

/**
 * The exchange journal's record types and their binary payloads. Enums are written by name, so a
 * journal stays readable when an enum gains constants.
 */
final class JournalCodec {
  /** First record: the market spec, seed, clock and the client accounts to start from. */
  static final byte BASE = 'B';

  /** The market advanced to a simulated time (the only input that comes from the wall clock). */
  static final byte ADVANCE = 'A';

  /** A client command, executed at the market's current time. */
  static final byte COMMAND = 'C';

  /** The clock started or stopped. */
  static final byte CLOCK = 'K';

  /** An event batch sent to the gateway sessions (the outcome; skipped on replay). */
  static final byte BATCH = 'O';

  /** The state hash at a sync point; replay checks it. */
  static final byte HASH = 'H';

  /**
   * First record of a segment started by a snapshot: the exchange's whole state (market model,
   * generator, event queue, book, client accounts and orders, sequence numbers) and its hash.
   */
  static final byte SNAPSHOT = 'S';

  /**
   * Last record of a segment that was rotated: the type of the next segment's first record and the
   * state hash it starts from (recovery falls back on it when that record is unreadable).
   */
  static final byte NEXT = 'N';

  static final int VERSION = 1;

  private static final byte SUBMIT = 'S';
  private static final byte CANCEL = 'C';
  private static final byte CANCEL_ALL = 'X';
  private static final byte QUOTE = 'Q';

  private JournalCodec() {}

  static void putString(ByteBuffer b, String s) {
    if (s == null) {
      b.putInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    b.putInt(bytes.length).put(bytes);
  }

  static String getString(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0) {
      return null;
    }
    if (n > b.remaining()) {
      throw new IllegalStateException("journal string longer than its record: " + n);
    }
    String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
    b.position(b.position() + n);
    return s;
  }

  private static void putEnum(ByteBuffer b, Enum<?> e) {
    putString(b, e == null ? null : e.name());
  }

  static void putCommand(ByteBuffer b, ExchangeCommand command) {
    if (command instanceof SubmitCommand c) {
      b.put(SUBMIT);
      putString(b, c.ref());
      putString(b, c.clientId());
      putString(b, c.clientOrderId());
      putEnum(b, c.side());
      putEnum(b, c.type());
      b.putLong(c.price()).putLong(c.size());
    } else if (command instanceof CancelCommand c) {
      b.put(CANCEL);
      putString(b, c.ref());
      putString(b, c.clientId());
      b.putLong(c.orderId());
    } else if (command instanceof CancelAllCommand c) {
      b.put(CANCEL_ALL);
      putString(b, c.ref());
      putString(b, c.clientId());
      putEnum(b, c.reason());
    } else if (command instanceof QuoteCommand c) {
      b.put(QUOTE);
      putString(b, c.ref());
      putString(b, c.clientId());
      putQuoteSide(b, c.bid());
      putQuoteSide(b, c.ask());
    } else {
      throw new IllegalArgumentException("no journal encoding for " + command.getClass());
    }
  }

  private static void putQuoteSide(ByteBuffer b, QuoteSide s) {
    if (s == null) {
      b.put((byte) 0);
      return;
    }
    b.put((byte) 1).putLong(s.price()).putLong(s.size());
    putString(b, s.clientOrderId());
  }

  static ExchangeCommand getCommand(ByteBuffer b) {
    byte kind = b.get();
    String ref = getString(b);
    String clientId = getString(b);
    return switch (kind) {
      case SUBMIT -> {
        String coid = getString(b);
        String side = getString(b);
        String type = getString(b);
        yield new SubmitCommand(
            ref,
            clientId,
            coid,
            side == null ? null : Side.valueOf(side),
            type == null ? null : OrderType.valueOf(type),
            b.getLong(),
            b.getLong());
      }
      case CANCEL -> new CancelCommand(ref, clientId, b.getLong());
      case CANCEL_ALL -> {
        String reason = getString(b);
        yield new CancelAllCommand(
            ref, clientId, reason == null ? null : CancelReason.valueOf(reason));
      }
      case QUOTE -> new QuoteCommand(ref, clientId, getQuoteSide(b), getQuoteSide(b));
      default -> throw new IllegalStateException("unknown journal command kind " + kind);
    };
  }

  private static QuoteSide getQuoteSide(ByteBuffer b) {
    if (b.get() == 0) {
      return null;
    }
    long price = b.getLong();
    long size = b.getLong();
    return new QuoteSide(price, size, getString(b));
  }
}
