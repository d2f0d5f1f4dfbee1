package org.mmlab.service.marketdata.exchange;

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

  ClientPosition view() {
    return new ClientPosition(clientId, position, bought, sold, cash);
  }
}
