package org.mmlab.service.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmlab.api.Endpoints;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.service.marketdata.MarketDataApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 100,000 generated bad requests (see {@link BadRequests}) against the real gateway over HTTP, with
 * the exchange behind it: never a 5xx, always an {@code application/problem+json} body with a
 * {@code code}, and the exchange's state (state hash of book, orders and accounts) and the client's
 * position and open orders unchanged. The market is stopped for the run, so that the state hash
 * moves only if a request changes it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.gateway.internal-token=fuzz-token",
      "mmlab.gateway.clients[0].id=fuzz",
      "mmlab.gateway.clients[0].api-key=fuzz-key",
      "mmlab.gateway.risk.orders-per-second=1000000",
      "mmlab.gateway.risk.burst=1000000",
      "mmlab.gateway.reconnect-delay=100ms",
      "logging.level.org.springframework.web=ERROR",
      "logging.level.reactor.netty=ERROR"
    })
class GatewayFuzzTest {
  private static final int REQUESTS = 100_000;
  private static final int IN_FLIGHT = 32;
  private static final String TOKEN = "fuzz-token";
  static ConfigurableApplicationContext exchange;
  static int exchangePort;

  @DynamicPropertySource
  static void startExchange(DynamicPropertyRegistry registry) {
    exchange =
        new SpringApplicationBuilder(MarketDataApplication.class)
            .run(
                "--server.port=0",
                "--spring.application.name=market-data-service",
                "--mmlab.exchange.market=zi",
                "--mmlab.exchange.seed=5",
                "--mmlab.exchange.speed=0.001", // the book stands still until it is stopped
                "--mmlab.exchange.internal-token=" + TOKEN,
                "--springdoc.api-docs.enabled=false");
    exchangePort = exchange.getEnvironment().getProperty("local.server.port", Integer.class);
    registry.add(
        "mmlab.gateway.exchange-url",
        () -> "ws://localhost:" + exchangePort + Endpoints.INTERNAL_ORDERS_WS);
  }

  @AfterAll
  static void stopExchange() {
    exchange.close();
  }

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired ExchangeConnection connection;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> send(String method, String url, String key, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header(Endpoints.API_KEY_HEADER, key);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.header(Endpoints.INTERNAL_TOKEN_HEADER, TOKEN);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String exchangeState() throws Exception {
    HttpResponse<String> r =
        send("GET", "http://localhost:" + exchangePort + "/internal/exchange/state", null, null);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body()).get("stateHash").asString();
  }

  private String gateway(String path) throws Exception {
    HttpResponse<String> r = send("GET", "http://localhost:" + port + path, "fuzz-key", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // never hang the build
  void badRequestsGetProblemDetailsAndLeaveTheExchangeUnchanged() throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!connection.connected() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(connection.connected()).isTrue();
    // The client's account exists at the exchange (a resting order, then a fill-free cancel).
    JsonNode status =
        json.readTree(
            send("GET", "http://localhost:" + exchangePort + Endpoints.SIMULATION, null, null)
                .body());
    // Below the best bid of a book that stands still: it rests.
    String bid =
        new java.math.BigDecimal(status.get("bestBid").asString())
            .subtract(new java.math.BigDecimal("0.05"))
            .toPlainString();
    HttpResponse<String> placed =
        send(
            "POST",
            "http://localhost:" + port + Endpoints.ORDERS,
            "fuzz-key",
            "{\"clientOrderId\":\"seed-1\",\"side\":\"BUY\",\"type\":\"POST_ONLY\",\"price\":\""
                + bid
                + "\",\"size\":1}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    long id = json.readTree(placed.body()).get("orderId").asLong();
    // One resting order stays: the fuzzing must neither cancel nor change it.
    HttpResponse<String> stopped =
        send(
            "POST",
            "http://localhost:" + exchangePort + Endpoints.SIMULATION + "/stop",
            null,
            null);
    assertThat(stopped.statusCode()).isEqualTo(200);
    String hashBefore = exchangeState();
    String positionsBefore = gateway(Endpoints.POSITIONS);
    String ordersBefore = gateway(Endpoints.ORDERS);
    assertThat(ordersBefore).contains("\"orderId\":" + id);

    BadRequests gen = new BadRequests(20261125L, "fuzz-key");
    Semaphore slots = new Semaphore(IN_FLIGHT);
    AtomicLong done = new AtomicLong();
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    long unsendable = 0;
    long t0 = System.nanoTime();
    int sent = 0;
    while (sent < REQUESTS) {
      BadRequests.Request q = gen.next();
      HttpRequest request;
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + q.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                    q.method(),
                    q.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(q.body()));
        if (q.apiKey() != null) {
          b.header(Endpoints.API_KEY_HEADER, q.apiKey());
        }
        if (q.contentType() != null) {
          b.header("Content-Type", q.contentType());
        }
        request = b.build();
      } catch (IllegalArgumentException e) {
        unsendable++; // the HTTP client refuses the header or the URI itself
        continue;
      }
      sent++;
      kinds.computeIfAbsent(q.kind(), k -> new AtomicLong()).incrementAndGet();
      slots.acquire();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (r, e) -> {
                try {
                  String problem = e != null ? "no response: " + e : check(q, r);
                  if (r != null) {
                    statuses
                        .computeIfAbsent(r.statusCode(), k -> new AtomicLong())
                        .incrementAndGet();
                  }
                  if (problem != null && failures.size() < 20) {
                    failures.add(
                        q.kind()
                            + " "
                            + q.method()
                            + " "
                            + q.path()
                            + ": "
                            + problem
                            + " | body sent: "
                            + preview(q.body()));
                  }
                } finally {
                  done.incrementAndGet();
                  slots.release();
                }
              });
    }
    assertThat(slots.tryAcquire(IN_FLIGHT, 120, TimeUnit.SECONDS)).isTrue();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "fuzz: %d bad requests in %.1f s (%.0f req/s), %d unsendable skipped; statuses %s;"
            + " kinds %s%n",
        done.get(),
        seconds,
        done.get() / seconds,
        unsendable,
        new TreeMap<>(statuses),
        new TreeMap<>(kinds));
    assertThat(failures).isEmpty();
    assertThat(done.get()).isEqualTo(REQUESTS);
    assertThat(exchangeState()).isEqualTo(hashBefore);
    assertThat(gateway(Endpoints.POSITIONS)).isEqualTo(positionsBefore);
    assertThat(gateway(Endpoints.ORDERS)).isEqualTo(ordersBefore);
  }

  /**
   * Null when the response is a 4xx problem detail with a code, or a 2xx to a mutation that
   * happened to make a valid request (counted); else what is wrong.
   */
  private String check(BadRequests.Request q, HttpResponse<String> r) {
    int s = r.statusCode();
    if (s / 100 == 2 && q.mayBeValid()) {
      return null;
    }
    if (s < 400 || s >= 500) {
      return "status " + s + " " + r.body();
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith(Endpoints.PROBLEM_JSON)) {
      return "status " + s + " content type '" + type + "' " + r.body();
    }
    try {
      JsonNode body = json.readTree(r.body());
      JsonNode code = body.get("code");
      if (code == null || !code.isString() || code.asString().isEmpty()) {
        return "status " + s + " problem without a code: " + r.body();
      }
    } catch (RuntimeException e) {
      return "status " + s + " body not JSON: " + r.body();
    }
    return null;
  }

  private static String preview(byte[] body) {
    if (body == null) {
      return "(none)";
    }
    String s = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return s.length() > 200 ? s.substring(0, 200) + "... (" + body.length + " bytes)" : s;
  }
}
