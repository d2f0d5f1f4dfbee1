/**
 * The live exchange, free of Spring and Reactor: {@link
 * org.mmlab.service.marketdata.exchange.ExchangeCore} runs one market model on its own thread in
 * wall-clock time with a speed factor, lets many clients trade on the same book, and publishes
 * market data and execution events to non-blocking {@link
 * org.mmlab.service.marketdata.exchange.Subscriber}s. The web layer only adapts it.
 */
package org.mmlab.service.marketdata.exchange;
