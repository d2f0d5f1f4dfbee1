package org.mmlab.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.mmlab.api.Endpoints;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.marketdata.MarketDataMessage;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;
import org.mmlab.api.order.QuoteRequest;
import org.mmlab.api.order.QuoteView;
import org.mmlab.api.order.SubmitOrderRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the venue: the exchange's market data (local book, gap detection and resubscription,
 * reconnect with backoff), the gateway's REST order entry, and the client's private execution
 * stream (in order, once each, resumed with {@code ?fromSeq=} after a reconnect).
 *
 * <p>Both streams reconnect on their own with exponential backoff ({@link VenueConfig#minBackoff()}
 * doubling up to {@link VenueConfig#maxBackoff()}). A resumed execution stream first replays the
 * reports missed while it was down, so no fill is lost or counted twice; when the gateway can no
 * longer replay them, the client reads its positions and open orders over REST and hands them to
 * {@link VenueListener#onExecutionResync} before the stream goes on.
 *
 * <pre>{@code
 * try (VenueClient venue = new VenueClient(VenueConfig.of(md, gw, "key"), listener)) {
 *   venue.subscribeMarketData();
 *   venue.subscribeExecutions();
 *   venue.quote(new QuoteRequest(bid, size, ask, size));
 * }
 * }</pre>
 */
public final class VenueClient implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(VenueClient.class.getName());

  private final VenueConfig config;
  private final VenueListener listener;
  private final HttpClient http;
  private final JsonMapper json;
  private final ScheduledExecutorService scheduler;
  private final MarketDataFeed marketData;
  private final ExecutionFeed executions;
  private ReconnectingSocket marketDataSocket;
  private ReconnectingSocket executionSocket;

  /**
   * A client; nothing connects until a {@code subscribe} call.
   *
   * @param config where the venue is
   * @param listener the callbacks
   */
  public VenueClient(VenueConfig config, VenueListener listener) {
    this.config = config;
    this.listener = listener;
    this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    this.json = JsonMapper.builder().findAndAddModules().build();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "venue-client");
              t.setDaemon(true);
              return t;
            });
    this.marketData = new MarketDataFeed(listener);
    this.executions = new ExecutionFeed(listener, this::resyncExecutions);
  }

  /** Subscribes to the public market data; idempotent. */
  public synchronized void subscribeMarketData() {
    if (marketDataSocket != null) {
      return;
    }
    URI uri = ws(config.marketDataUrl(), Endpoints.MARKET_DATA_WS);
    marketDataSocket =
        new ReconnectingSocket(
            "market-data",
            http,
            () -> uri,
            null,
            text -> marketData.accept(json.readValue(text, MarketDataMessage.class)),
            marketData::resubscribing,
            up -> listener.onConnection(VenueListener.Stream.MARKET_DATA, up),
            scheduler,
            config.minBackoff(),
            config.maxBackoff());
    marketDataSocket.start();
  }

  /** Subscribes to the client's execution reports; idempotent. */
  public synchronized void subscribeExecutions() {
    if (executionSocket != null) {
      return;
    }
    URI base = ws(config.gatewayUrl(), Endpoints.EXECUTIONS_WS);
    executionSocket =
        new ReconnectingSocket(
            "executions",
            http,
            () -> {
              long from = executions.nextSeq();
              return from > 0 ? URI.create(base + "?fromSeq=" + from) : base;
            },
            config.apiKey(),
            text -> executions.accept(json.readValue(text, ExecutionReport.class)),
            executions::connecting,
            up -> listener.onConnection(VenueListener.Stream.EXECUTIONS, up),
            scheduler,
            config.minBackoff(),
            config.maxBackoff());
    executionSocket.start();
  }

  /**
   * Whether the market-data stream is connected and has a snapshot.
   *
   * @return true when the local book is live
   */
  public boolean marketDataLive() {
    ReconnectingSocket s = marketDataSocket;
    return s != null && s.connected() && marketData.book().ready();
  }

  /**
   * Whether the execution stream is connected.
   *
   * @return true when connected
   */
  public boolean executionsConnected() {
    ReconnectingSocket s = executionSocket;
    return s != null && s.connected();
  }

  /**
   * Sequence gaps seen on the market-data stream (each healed by a resubscription).
   *
   * @return the count
   */
  public long marketDataGaps() {
    return marketData.gaps();
  }

  /**
   * Times the execution stream resumed with a hole the gateway could not replay, each healed by
   * reading the client's state over REST ({@link VenueListener#onExecutionResync}).
   *
   * @return the count
   */
  public long executionResyncs() {
    return executions.resyncs();
  }

  /**
   * The last execution report's seq.
   *
   * @return the seq, 0 before any
   */
  public long lastExecutionSeq() {
    return executions.lastSeq();
  }

  /** Runs on the execution stream's thread, before the report that revealed the hole. */
  private void resyncExecutions(long expectedSeq, long resumedSeq) {
    LOG.warning(
        () ->
            "executions: the gateway resumed at report "
                + resumedSeq
                + " instead of "
                + expectedSeq
                + " (its history no longer reaches back, or it restarted); reading positions and"
                + " open orders afresh");
    ExecutionResync state = new ExecutionResync(expectedSeq, resumedSeq, positions(), openOrders());
    listener.onExecutionResync(state);
  }

  // ---------------------------------------------------------------- REST

  /**
   * {@code POST /api/v1/orders}.
   *
   * @param request the order
   * @return the order as the gateway sees it
   * @throws VenueException on a problem response or no response
   */
  public OrderView submit(SubmitOrderRequest request) {
    return call("POST", Endpoints.ORDERS, request, new TypeReference<OrderView>() {});
  }

  /**
   * {@code DELETE /api/v1/orders/{id}}.
   *
   * @param orderId the exchange order id
   * @return the order after the cancel
   * @throws VenueException on a problem response or no response
   */
  public OrderView cancel(long orderId) {
    return call(
        "DELETE", Endpoints.ORDERS + "/" + orderId, null, new TypeReference<OrderView>() {});
  }

  /**
   * {@code GET /api/v1/orders/{id}}: one order, open or recently closed.
   *
   * @param orderId the exchange order id
   * @return the order as the gateway sees it
   * @throws VenueException on a problem response or no response
   */
  public OrderView order(long orderId) {
    return call("GET", Endpoints.ORDERS + "/" + orderId, null, new TypeReference<OrderView>() {});
  }

  /**
   * {@code DELETE /api/v1/orders}: cancels every open order of the client, quotes included.
   *
   * @return the cancelled orders
   * @throws VenueException on a problem response or no response
   */
  public List<OrderView> cancelAll() {
    return call("DELETE", Endpoints.ORDERS, null, new TypeReference<List<OrderView>>() {});
  }

  /**
   * {@code GET /api/v1/orders}.
   *
   * @return the client's open orders
   * @throws VenueException on a problem response or no response
   */
  public List<OrderView> openOrders() {
    return call("GET", Endpoints.ORDERS, null, new TypeReference<List<OrderView>>() {});
  }

  /**
   * {@code PUT /api/v1/quotes}: replaces the client's two-sided quote.
   *
   * @param request both sides (a null or zero side is cancelled)
   * @return the quote after the update
   * @throws VenueException on a problem response or no response
   */
  public QuoteView quote(QuoteRequest request) {
    return call("PUT", Endpoints.QUOTES, request, new TypeReference<QuoteView>() {});
  }

  /**
   * Cancels both sides of the client's quote.
   *
   * @return the quote after the update
   * @throws VenueException on a problem response or no response
   */
  public QuoteView cancelQuote() {
    return quote(new QuoteRequest(null, null, null, null));
  }

  /**
   * {@code GET /api/v1/positions}.
   *
   * @return the client's positions
   * @throws VenueException on a problem response or no response
   */
  public List<PositionView> positions() {
    return call("GET", Endpoints.POSITIONS, null, new TypeReference<List<PositionView>>() {});
  }

  /**
   * {@code GET /api/v1/instrument}.
   *
   * @return the instrument
   * @throws VenueException on a problem response or no response
   */
  public InstrumentInfo instrument() {
    return call("GET", Endpoints.INSTRUMENT, null, new TypeReference<InstrumentInfo>() {});
  }

  private <T> T call(String method, String path, Object body, TypeReference<T> type) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(config.gatewayUrl().resolve(path))
            .timeout(config.requestTimeout())
            .header(Endpoints.API_KEY_HEADER, config.apiKey())
            .header("Accept", "application/json, " + Endpoints.PROBLEM_JSON);
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new VenueException(0, null, method + " " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VenueException(0, null, method + " " + path + ": interrupted", e);
    }
    if (response.statusCode() >= 300) {
      throw problem(method, path, response);
    }
    return json.readValue(response.body(), type);
  }

  private VenueException problem(String method, String path, HttpResponse<String> response) {
    ProblemCode code = null;
    String detail = response.body();
    try {
      JsonNode node = json.readTree(response.body());
      if (node.hasNonNull("code")) {
        code = ProblemCode.valueOf(node.get("code").asString());
      }
      if (node.hasNonNull("detail")) {
        detail = node.get("detail").asString();
      }
    } catch (RuntimeException e) {
      // not a problem detail: keep the raw body
    }
    return new VenueException(
        response.statusCode(),
        code,
        method
            + " "
            + path
            + " → "
            + response.statusCode()
            + (code == null ? "" : " " + code)
            + ": "
            + detail,
        null);
  }

  static URI ws(URI base, String path) {
    String scheme = base.getScheme();
    String wsScheme = "https".equals(scheme) || "wss".equals(scheme) ? "wss" : "ws";
    return URI.create(wsScheme + "://" + base.getRawAuthority() + path);
  }

  /** Closes both streams. */
  @Override
  public void close() {
    synchronized (this) {
      if (marketDataSocket != null) {
        marketDataSocket.close();
      }
      if (executionSocket != null) {
        executionSocket.close();
      }
    }
    scheduler.shutdownNow();
  }
}
