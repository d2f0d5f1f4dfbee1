package org.mmlab.api;

/** Paths, headers and default ports of the services, one place for servers and clients. */
public final class Endpoints {
  /** Default port of market-data-service (the simulated exchange). */
  public static final int MARKET_DATA_PORT = 8081;

  /** Default port of order-gateway-service. */
  public static final int GATEWAY_PORT = 8082;

  /** Public market-data WebSocket on the exchange. */
  public static final String MARKET_DATA_WS = "/ws/market-data";

  /** Simulation control on the exchange: GET status; POST start, stop, reset. */
  public static final String SIMULATION = "/api/v1/simulation";

  /** The internal order-entry WebSocket of the exchange, for the gateway only. */
  public static final String INTERNAL_ORDERS_WS = "/internal/ws/orders";

  /** Header carrying the shared internal token on the internal WebSocket's handshake. */
  public static final String INTERNAL_TOKEN_HEADER = "X-Internal-Token";

  /** Orders on the gateway: POST submit, GET own open orders, DELETE /{id} cancel. */
  public static final String ORDERS = "/api/v1/orders";

  /** The client's two-sided quote on the gateway: PUT replaces it, GET shows it. */
  public static final String QUOTES = "/api/v1/quotes";

  /** The client's positions on the gateway. */
  public static final String POSITIONS = "/api/v1/positions";

  /** The traded instrument (tick and lot size) on the gateway. */
  public static final String INSTRUMENT = "/api/v1/instrument";

  /** The kill switch on the gateway (admin clients only). */
  public static final String KILL_SWITCH = "/api/v1/admin/kill-switch";

  /** The client's private execution-report WebSocket on the gateway. */
  public static final String EXECUTIONS_WS = "/ws/executions";

  /** Header carrying a client's API key (REST and the WebSocket handshake). */
  public static final String API_KEY_HEADER = "X-API-Key";

  /** Query parameter carrying the API key where a header cannot be set (browsers' WebSocket). */
  public static final String API_KEY_PARAM = "apiKey";

  /** Media type of every error body (RFC 9457). */
  public static final String PROBLEM_JSON = "application/problem+json";

  private Endpoints() {}
}
