package org.mmlab.client;

import java.util.List;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;

/**
 * The client's state at the gateway, read over REST when its execution stream could not be resumed
 * without a hole: the gateway no longer kept the missed reports (its {@code ?fromSeq=} history is
 * bounded) or its sequence started again (it restarted). Reports from {@code resumedSeq} on follow
 * this state on the stream; the state was read after report {@code resumedSeq} arrived, so it may
 * already count that report and a few later ones: a listener keeps its position right by taking
 * {@link org.mmlab.api.execution.OrderFilled#position()} (the position after each fill) as the
 * truth rather than adding sizes up.
 *
 * @param expectedSeq the report the client asked to resume from
 * @param resumedSeq the first report the resumed stream carried (reports between the two are lost)
 * @param positions the client's positions
 * @param openOrders the client's open orders, quote sides included
 */
public record ExecutionResync(
    long expectedSeq, long resumedSeq, List<PositionView> positions, List<OrderView> openOrders) {

  /** Copies the lists. */
  public ExecutionResync {
    positions = List.copyOf(positions);
    openOrders = List.copyOf(openOrders);
  }
}
