package org.mmlab.api;

import java.util.Locale;

/**
 * Stable codes of every error the services return. Each error body is an RFC 9457 problem detail
 * ({@code application/problem+json}) with {@code type}, {@code title}, {@code status}, {@code
 * detail} and an extension member {@code code} holding one of these names; clients branch on {@code
 * code}, never on the text. A business rejection also reaches the client's execution stream as a
 * {@code rejected} report carrying the same code.
 */
public enum ProblemCode {
  // ---- authentication and lookup ----
  /** No API key, or one the gateway does not know (or a wrong internal token). */
  UNAUTHORIZED(401, "Missing or invalid API key"),
  /** The key is valid but not allowed to do this (e.g. a non-admin using the kill switch). */
  FORBIDDEN(403, "Not allowed"),
  /** No such order for this client (another client's orders are not found either). */
  ORDER_NOT_FOUND(404, "Order not found"),
  /** No such resource. */
  NOT_FOUND(404, "Not found"),

  // ---- request validation (400) ----
  /** A field is missing or out of its range; {@code errors} lists each field. */
  VALIDATION_FAILED(400, "Request validation failed"),
  /** The body is not valid JSON or has a value of the wrong type. */
  MALFORMED_REQUEST(400, "Malformed request"),
  /** A price that is not a whole number of ticks. */
  PRICE_NOT_ON_TICK(400, "Price not on the tick grid"),
  /** A size that is not a whole, positive number of lots. */
  SIZE_NOT_ON_LOT(400, "Size not on the lot grid"),
  /** A limit, IOC or post-only order without a price. */
  PRICE_REQUIRED(400, "Price required"),
  /** A market order with a price. */
  PRICE_NOT_ALLOWED(400, "Market orders have no price"),
  /** A quote whose bid is at or above its ask. */
  CROSSED_QUOTE(400, "Quote bid at or above ask"),
  /** A quote side with only one of its price and size. */
  INCOMPLETE_QUOTE(400, "Quote side needs both price and size"),
  /** The market spec does not name a market that can be built. */
  INVALID_MARKET(400, "Invalid market spec"),

  // ---- strategies and training ----
  UNKNOWN_STRATEGY_TYPE(400, "Unknown strategy type"),
  MODEL_PATH_REQUIRED(400, "Model path required"),
  INVALID_BUNDLE(400, "Invalid policy bundle"),
  /**
   * The policy was trained with the predictor score and no predictor (or a different one) was
   * given, or it was trained without and one was given.
   */
  PREDICTOR_MISMATCH(400, "Policy and predictor do not match"),
  INVALID_PARAMS(400, "Invalid strategy parameters"),
  STRATEGY_NOT_FOUND(404, "Strategy not found"),
  INVALID_TRAINING_SPEC(400, "Invalid training spec"),
  PATH_OUTSIDE_MODELS_DIR(400, "Path outside the models directory"),
  JOB_NOT_FOUND(404, "Job not found"),
  /** A job names a runner this trainer is not configured for (kubernetes while it is off). */
  RUNNER_NOT_ENABLED(400, "Runner not enabled"),
  /** The Kubernetes API refused or did not answer a request for a training Job. */
  KUBERNETES_API_ERROR(502, "Kubernetes API error"),

  // ---- idempotency and state (409) ----
  /** The client order id was used before for a different order. */
  DUPLICATE_CLIENT_ORDER_ID(409, "Client order id already used for another order"),
  /** The order has already left the book (filled or cancelled). */
  ORDER_NOT_OPEN(409, "Order no longer open"),
  /**
   * A strategy start names a gateway API key that a running strategy trades under (a key has one
   * quote and one position, so two strategies on it would overwrite each other's quote).
   */
  API_KEY_IN_USE(409, "API key in use by a running strategy"),
  /** A strategy start without an API key while every key of the service's pool is in use. */
  API_KEY_POOL_EXHAUSTED(409, "Every pooled API key is in use"),

  // ---- risk (422) and exchange rejections ----
  /** The order is larger than the gateway's max order size. */
  MAX_ORDER_SIZE_EXCEEDED(422, "Order size above the limit"),
  /** Filling the order (with the client's other open orders) could breach the max position. */
  MAX_POSITION_EXCEEDED(422, "Position limit would be exceeded"),
  /** The price is too far from the mid. */
  PRICE_OUTSIDE_BAND(422, "Price outside the allowed band around the mid"),
  /** A post-only order (or quote) would have traded on arrival. */
  POST_ONLY_WOULD_CROSS(422, "Post-only order would cross"),
  /** The exchange rejected the order for a reason not listed above. */
  EXCHANGE_REJECTED(422, "Rejected by the exchange"),

  // ---- availability ----
  /** The kill switch is engaged: no new orders or quotes. */
  KILL_SWITCH_ENGAGED(403, "Kill switch engaged"),
  /** Too many orders per second for this client; see {@code Retry-After}. */
  RATE_LIMITED(429, "Order rate limit exceeded"),
  /** The simulation is stopped or finished: the exchange accepts cancels only. */
  MARKET_HALTED(409, "Market halted"),
  /** The gateway is not connected to the exchange. */
  EXCHANGE_UNAVAILABLE(503, "Exchange unavailable"),
  /** The exchange did not answer in time; the order's fate will show on the execution stream. */
  EXCHANGE_TIMEOUT(504, "Exchange timeout"),
  /** A bug. */
  INTERNAL_ERROR(500, "Internal error");

  private final int status;
  private final String title;

  ProblemCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  /**
   * The HTTP status this code is returned with.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The problem's short, stable title.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The problem's {@code type} URI: {@code urn:mmlab:problem:} and the code in kebab case.
   *
   * @return the URI text
   */
  public String type() {
    return "urn:mmlab:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
