package org.mmlab.api;

/** Why (part of) an order left the book without trading. */
public enum CancelReason {
  /** Cancelled by its owner. */
  USER,
  /** The unfilled remainder of an IOC order. */
  IOC_REMAINDER,
  /** The unfilled remainder of a market order. */
  MARKET_REMAINDER,
  /** Self-trade prevention: an incoming order of the same client would have traded with it. */
  SELF_TRADE,
  /** A quote update moved this side to a new price (the new price is a new order). */
  QUOTE_REPLACED,
  /** The simulation was reset: the book was cleared. */
  MARKET_RESET,
  /** The kill switch cancelled every open order. */
  KILL_SWITCH,
  /** The gateway lost track of the order while disconnected from the exchange. */
  EXCHANGE_RESYNC,
  /** The client's execution stream stayed disconnected past the gateway's grace period. */
  CANCEL_ON_DISCONNECT
}
