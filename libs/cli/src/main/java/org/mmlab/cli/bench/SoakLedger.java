package org.mmlab.cli.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.execution.OrderRejected;

/**
 * Accounts for every order the gateway acknowledged: each must end in a final execution report
 * (filled to zero, cancelled, rejected) or still be among the client's open orders at the end.
 * Acknowledgements (HTTP responses) and reports (the execution stream) arrive on different threads
 * and in either order; each order's facts are OR-ed into one set of flags.
 */
public final class SoakLedger {
  static final int ACKED = 1;
  static final int ACCEPTED = 2;
  static final int FINAL = 4;
  static final int OPEN_AT_END = 8;

  private final Map<Long, Integer> orders = new ConcurrentHashMap<>();
  private final Map<String, Integer> rejectedByCoid = new ConcurrentHashMap<>();

  /**
   * The accounting at the end of a soak.
   *
   * @param acknowledged orders the gateway answered 2xx
   * @param finalReported of those, with a final execution report
   * @param openAtEnd of those, without one but listed as open at the end
   * @param lost of those, neither: lost
   * @param withoutAccepted of those, with no {@code accepted} report
   * @param reportedNotAcknowledged orders with reports whose HTTP acknowledgement never came
   */
  public record Accounting(
      long acknowledged,
      long finalReported,
      long openAtEnd,
      long lost,
      long withoutAccepted,
      long reportedNotAcknowledged) {

    /**
     * As an ordered map for JSON output.
     *
     * @return the figures
     */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("acknowledged", acknowledged);
      m.put("finalReported", finalReported);
      m.put("openAtEnd", openAtEnd);
      m.put("lost", lost);
      m.put("withoutAccepted", withoutAccepted);
      m.put("reportedNotAcknowledged", reportedNotAcknowledged);
      return m;
    }
  }

  /**
   * The gateway acknowledged an order (2xx).
   *
   * @param orderId the exchange order id from the response
   */
  public void acknowledged(long orderId) {
    orders.merge(orderId, ACKED, (a, b) -> a | b);
  }

  /**
   * An execution report arrived.
   *
   * @param r the report
   */
  public void report(ExecutionReport r) {
    if (r.orderId() == 0) {
      // Rejected before reaching the exchange: never acknowledged with an order id.
      if (r instanceof OrderRejected) {
        rejectedByCoid.merge(r.clientOrderId(), 1, Integer::sum);
      }
      return;
    }
    int flag;
    if (r instanceof OrderAccepted) {
      flag = ACCEPTED;
    } else if (r instanceof OrderFilled f) {
      flag = f.remainingSize().signum() == 0 ? FINAL : 0;
    } else if (r instanceof OrderCancelled || r instanceof OrderRejected) {
      flag = FINAL;
    } else {
      flag = 0; // replaced: the order lives on
    }
    if (flag != 0) {
      orders.merge(r.orderId(), flag, (a, b) -> a | b);
    }
  }

  /**
   * Orders listed as open at the end.
   *
   * @param orderIds their exchange ids
   */
  public void openAtEnd(Collection<Long> orderIds) {
    for (long id : orderIds) {
      orders.merge(id, OPEN_AT_END, (a, b) -> a | b);
    }
  }

  /**
   * Orders with a final report so far (acknowledged or not).
   *
   * @return the count
   */
  public long finals() {
    long n = 0;
    for (int f : orders.values()) {
      if ((f & FINAL) != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Acknowledged orders still waiting for a final report.
   *
   * @return the count
   */
  public long pending() {
    long n = 0;
    for (int f : orders.values()) {
      if ((f & ACKED) != 0 && (f & FINAL) == 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * The accounting.
   *
   * @return the figures
   */
  public Accounting account() {
    long acked = 0;
    long fin = 0;
    long open = 0;
    long lost = 0;
    long noAccept = 0;
    long unacked = 0;
    for (int f : orders.values()) {
      if ((f & ACKED) == 0) {
        unacked++;
        continue;
      }
      acked++;
      if ((f & FINAL) != 0) {
        fin++;
      } else if ((f & OPEN_AT_END) != 0) {
        open++;
      } else {
        lost++;
      }
      if ((f & ACCEPTED) == 0) {
        noAccept++;
      }
    }
    return new Accounting(acked, fin, open, lost, noAccept, unacked);
  }
}
