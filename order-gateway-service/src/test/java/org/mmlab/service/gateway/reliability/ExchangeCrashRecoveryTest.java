package org.mmlab.service.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmlab.api.Endpoints;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.service.marketdata.journal.JournalReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills market-data-service with SIGKILL while four clients trade through the gateway, restarts it
 * on the same journal, and checks that nothing acknowledged was lost: every order the gateway
 * acknowledged (2xx) is in the durable journal, and is either open in the recovered book with the
 * journaled remaining size or closed by a journaled fill or cancel; positions equal the journal's
 * last fills; the recovered state hash equals the journal's last checkpoint, and the durable point
 * observed just before the kill is in the file with the hash observed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.gateway.internal-token=" + ExchangeProcess.TOKEN,
      "mmlab.gateway.clients[0].id=c0",
      "mmlab.gateway.clients[0].api-key=key-0",
      "mmlab.gateway.clients[1].id=c1",
      "mmlab.gateway.clients[1].api-key=key-1",
      "mmlab.gateway.clients[2].id=c2",
      "mmlab.gateway.clients[2].api-key=key-2",
      "mmlab.gateway.clients[3].id=c3",
      "mmlab.gateway.clients[3].api-key=key-3",
      "mmlab.gateway.risk.max-order-size=100",
      "mmlab.gateway.risk.max-position=1000000",
      "mmlab.gateway.risk.price-band-percent=5",
      "mmlab.gateway.risk.orders-per-second=100000",
      "mmlab.gateway.risk.burst=100000",
      "mmlab.gateway.reconnect-delay=100ms"
    })
class ExchangeCrashRecoveryTest {
  private static final int CLIENTS = 4;
  private static final int ACKS = 400; // acknowledged orders before the kill
  private static Path dir;
  private static ExchangeProcess exchange;

  @DynamicPropertySource
  static void startExchange(DynamicPropertyRegistry registry) throws Exception {
    dir = Files.createTempDirectory("mmlab-crash");
    exchange = new ExchangeProcess(dir.resolve("exchange.log"));
    exchange.start(exchangeArgs(true));
    registry.add(
        "mmlab.gateway.exchange-url",
        () -> "ws://localhost:" + exchange.port() + Endpoints.INTERNAL_ORDERS_WS);
  }

  private static String[] exchangeArgs(boolean autoStart) {
    return new String[] {
      "--mmlab.exchange.market=zi",
      "--mmlab.exchange.seed=7",
      "--mmlab.exchange.speed=1",
      "--mmlab.exchange.auto-start=" + autoStart,
      "--mmlab.exchange.journal-dir=" + dir.resolve("journal"),
      // One segment, so that this test's reading of exchange.journal sees every record: the
      // replay from the base is what it checks; recovery from snapshots is ExchangeJournalTest's.
      "--mmlab.exchange.journal-snapshot-records=0"
    };
  }

  @AfterAll
  static void stopExchange() throws Exception {
    if (exchange != null) {
      exchange.close();
    }
    if (dir != null) {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
  }

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired ExchangeConnection connection;
  // HTTP/1.1: the JDK client's default h2c upgrade attempt is not what clients of the API send.
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private record Acked(String client, long orderId) {}

  private record DurablePoint(long length, long hash) {}

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // never hang the build
  void aSigkilledExchangeRecoversEveryAcknowledgedOrderAndFill() throws Exception {
    awaitConnected();
    SimulationStatus s =
        json.readValue(get(exchange.url() + Endpoints.SIMULATION, null), SimulationStatus.class);
    BigDecimal tick = s.instrument().tickSize();
    BigDecimal mid = s.bestBid().add(s.bestAsk()).divide(BigDecimal.valueOf(2));
    mid = mid.divideToIntegralValue(tick).multiply(tick);

    // Load: four clients submit and cancel through the gateway; every 2xx is recorded.
    List<Acked> acked = new ArrayList<>();
    Set<Long> cancelAcked = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    List<List<Acked>> perClient = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      List<Acked> mine = new ArrayList<>();
      perClient.add(mine);
      int client = c;
      BigDecimal m = mid;
      threads.add(new Thread(() -> load(client, m, tick, mine, cancelAcked, stop), "load-" + c));
      threads.get(c).start();
    }
    // The durable point, polled while the load runs.
    AtomicReference<DurablePoint> durable = new AtomicReference<>();
    Thread poller =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  JsonNode j =
                      json.readTree(
                          get(
                              exchange.url() + "/internal/exchange/journal",
                              ExchangeProcess.TOKEN));
                  durable.set(
                      new DurablePoint(
                          j.get("durableLength").asLong(), j.get("durableHash").asLong()));
                  Thread.sleep(20);
                } catch (Exception e) {
                  return; // the exchange is gone
                }
              }
            });
    poller.start();
    long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (perClient.stream().mapToInt(l -> size(l)).sum() < ACKS && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    DurablePoint before = durable.get();
    exchange.kill(); // SIGKILL, mid-load
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    poller.join();
    for (List<Acked> l : perClient) {
      acked.addAll(l);
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS);
    assertThat(before).isNotNull();

    // The journal as the crash left it.
    Journal journal = readJournal(dir.resolve("journal").resolve("exchange.journal"), before);
    assertThat(journal.durablePointFound)
        .as("the durable point seen before the kill (%s) is in the file", before)
        .isTrue();

    long t0 = System.nanoTime();
    exchange.start(exchangeArgs(false)); // recovered, with the clock held still
    awaitConnected();
    long restartMillis = (System.nanoTime() - t0) / 1_000_000;

    JsonNode state =
        json.readTree(get(exchange.url() + "/internal/exchange/state", ExchangeProcess.TOKEN));
    JsonNode recovery = state.get("journal").get("recovery");
    assertThat(recovery.get("checkpoints").asLong()).isEqualTo(journal.checkpoints);
    assertThat(recovery.get("lastCheckpointHash").asLong()).isEqualTo(journal.lastHash);
    assertThat(recovery.get("recordsAfterLastCheckpoint").asLong()).isEqualTo(journal.afterLast);
    assertThat(Long.parseUnsignedLong(state.get("stateHash").asString(), 16))
        .isEqualTo(recovery.get("recoveredHash").asLong());
    if (journal.afterLast == 0) {
      assertThat(recovery.get("recoveredHash").asLong()).isEqualTo(journal.lastHash);
    }

    // Every acknowledged order: journaled, and open with its journaled size or closed.
    int open = 0;
    int closed = 0;
    for (Acked a : acked) {
      assertThat(journal.accepted)
          .as("order %d acknowledged, journaled", a.orderId())
          .contains(a.orderId());
      OrderView v =
          json.readValue(
              get(
                  "http://localhost:" + port + Endpoints.ORDERS + "/" + a.orderId(),
                  null,
                  "key-" + a.client().substring(1)),
              OrderView.class);
      Long remaining = journal.remaining.get(a.orderId());
      if (remaining != null && remaining > 0) {
        open++;
        assertThat(v.status()).isIn(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);
        assertThat(v.remainingSize())
            .isEqualByComparingTo(s.instrument().lotSize().multiply(BigDecimal.valueOf(remaining)));
      } else {
        closed++;
        assertThat(v.status()).isIn(OrderStatus.FILLED, OrderStatus.CANCELLED);
      }
      if (cancelAcked.contains(a.orderId())) {
        assertThat(v.status()).isEqualTo(OrderStatus.CANCELLED);
      }
    }
    assertThat(open).isPositive();
    assertThat(closed).isPositive();
    // Positions: the journal's last fill of each client.
    for (Map.Entry<String, Long> p : journal.positions.entrySet()) {
      PositionView v =
          json.readValue(
                  get(
                      "http://localhost:" + port + Endpoints.POSITIONS,
                      null,
                      "key-" + p.getKey().substring(1)),
                  PositionView[].class)[0];
      assertThat(v.position())
          .as("position of %s", p.getKey())
          .isEqualByComparingTo(
              s.instrument().lotSize().multiply(BigDecimal.valueOf(p.getValue())));
    }
    assertThat(journal.positions).isNotEmpty();
    System.out.printf(
        "crash recovery: %d acknowledged orders (%d open, %d closed), journal %d records %d bytes"
            + " (%d torn bytes), replayed in %d ms, restart to gateway resync %d ms%n",
        acked.size(),
        open,
        closed,
        recovery.get("records").asLong(),
        recovery.get("validLength").asLong(),
        recovery.get("tornBytes").asLong(),
        recovery.get("millis").asLong(),
        restartMillis);
    assertThat(acked.stream().map(Acked::orderId).distinct().count()).isEqualTo(acked.size());
  }

  private static int size(List<Acked> l) {
    synchronized (l) {
      return l.size();
    }
  }

  private void load(
      int client,
      BigDecimal mid,
      BigDecimal tick,
      List<Acked> acked,
      Set<Long> cancelAcked,
      AtomicBoolean stop) {
    Random rnd = new Random(client);
    String key = "key-" + client;
    List<Long> mine = new ArrayList<>();
    int n = 0;
    while (!stop.get()) {
      try {
        if (!mine.isEmpty() && rnd.nextInt(4) == 0) {
          long id = mine.remove(rnd.nextInt(mine.size()));
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + Endpoints.ORDERS + "/" + id))
                      .header(Endpoints.API_KEY_HEADER, key)
                      .timeout(Duration.ofSeconds(30))
                      .DELETE()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            cancelAcked.add(id);
          }
          continue;
        }
        BigDecimal price = mid.add(tick.multiply(BigDecimal.valueOf(rnd.nextInt(31) - 15)));
        String side = rnd.nextBoolean() ? "BUY" : "SELL";
        String body =
            "{\"clientOrderId\":\"o-"
                + client
                + "-"
                + n++
                + "\",\"side\":\""
                + side
                + "\",\"type\":\"LIMIT\",\"price\":\""
                + price.toPlainString()
                + "\",\"size\":"
                + (1 + rnd.nextInt(5))
                + "}";
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + Endpoints.ORDERS))
                    .header(Endpoints.API_KEY_HEADER, key)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
          OrderView v = json.readValue(r.body(), OrderView.class);
          synchronized (acked) {
            acked.add(new Acked("c" + client, v.orderId()));
          }
          if (v.status() == OrderStatus.NEW) {
            mine.add(v.orderId());
          }
        }
      } catch (IOException e) {
        // the gateway answered nothing: not acknowledged
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** What the journal file holds: the orders' fates, the positions and the checkpoints. */
  private static final class Journal {
    boolean durablePointFound;
    long checkpoints;
    long lastHash;
    long afterLast;
    final Set<Long> accepted = new HashSet<>();
    final Map<Long, Long> remaining = new HashMap<>();
    final Map<String, Long> positions = new HashMap<>();
  }

  private Journal readJournal(Path file, DurablePoint durable) {
    Journal j = new Journal();
    try (JournalReader r = new JournalReader(file)) {
      while (r.next()) {
        ByteBuffer p = r.payload();
        j.afterLast++;
        if (r.type() == 'H') {
          long hash = p.getLong(p.position());
          j.checkpoints++;
          j.lastHash = hash;
          j.afterLast = 0;
          if (r.validLength() == durable.length()) {
            j.durablePointFound = hash == durable.hash();
          }
        } else if (r.type() == 'O') {
          String text =
              new String(
                  p.array(), p.arrayOffset() + p.position(), p.remaining(), StandardCharsets.UTF_8);
          EventBatch b = (EventBatch) json.readValue(text, ExchangeMessage.class);
          for (ExchangeEvent e : b.events()) {
            if (e instanceof ExchangeEvent.Accepted a) {
              j.accepted.add(a.orderId());
              j.remaining.put(a.orderId(), a.size());
            } else if (e instanceof ExchangeEvent.Filled f) {
              j.remaining.put(f.orderId(), f.remaining());
              j.positions.put(f.clientId(), f.position().position());
            } else if (e instanceof ExchangeEvent.Cancelled c) {
              j.remaining.merge(c.orderId(), -c.size(), Long::sum);
            } else if (e instanceof ExchangeEvent.Replaced rp) {
              j.remaining.put(rp.orderId(), rp.size());
            }
          }
        }
      }
    }
    return j;
  }

  private void awaitConnected() throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!connection.connected() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(connection.connected()).as("gateway connected to the exchange").isTrue();
  }

  private String get(String url, String token) throws IOException, InterruptedException {
    return get(url, token, null);
  }

  private String get(String url, String token, String apiKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header(Endpoints.INTERNAL_TOKEN_HEADER, token);
    }
    if (apiKey != null) {
      b.header(Endpoints.API_KEY_HEADER, apiKey);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
    return r.body();
  }
}
