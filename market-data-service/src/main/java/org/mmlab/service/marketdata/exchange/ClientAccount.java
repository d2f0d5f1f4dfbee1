package org.mmlab.service.marketdata.exchange;

import java.nio.ByteBuffer;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.ClientPosition;

/** A client's position and its quote orders (exchange thread only). */
final class ClientAccount {
  final String clientId;
  final long owner;
  long position;
  long bought;
  long sold;
  long cash;
  long quoteBid;
  long quoteAsk;

  ClientAccount(String clientId, long owner) {
    this.clientId = clientId;
    this.owner = owner;
  }

  void fill(Side side, long price, long size) {
    if (side == Side.BUY) {
      position += size;
      bought += size;
      cash -= price * size;
    } else {
      position -= size;
      sold += size;
      cash += price * size;
    }
  }

  /** Journals the account's identity and position (base and snapshot records share this part). */
  void write(ByteBuffer b) {
    JournalCodec.putString(b, clientId);
    b.putLong(owner).putLong(position).putLong(bought).putLong(sold).putLong(cash);
  }

  /** Reads what {@link #write} wrote. */
  static ClientAccount read(ByteBuffer b) {
    ClientAccount a = new ClientAccount(JournalCodec.getString(b), b.getLong());
    a.position = b.getLong();
    a.bought = b.getLong();
    a.sold = b.getLong();
    a.cash = b.getLong();
    return a;
  }

  ClientPosition view() {
    return new ClientPosition(clientId, position, bought, sold, cash);
  }
}
