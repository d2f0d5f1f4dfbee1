package org.mmlab.service.strategy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmlab.service.strategy.RlStrategyApplication;
import org.mmlab.service.strategy.support.InJvmVenue;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The live page at market-data-service's {@code /}, in headless Chromium, against the exchange, the
 * gateway and rl-strategy-service running in this JVM on their own ports: the ladder, the trades, a
 * symmetric strategy's P&amp;L and inventory, and the "not connected" state once the strategy
 * service goes away. Skipped only when Chromium or chromedriver is not installed ({@code apt-get
 * install chromium chromium-driver}); paths from {@code CHROME_BIN} and {@code CHROMEDRIVER} when
 * set. Leaves a screenshot in {@code target/web-page.png}.
 */
class WebPageBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(120);

  static InJvmVenue venue;
  static ConfigurableApplicationContext strategies;
  static int exchangePort;
  static int strategyPort;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = binary("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    Path driver = binary("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    Assumptions.assumeTrue(
        chromium != null && driver != null,
        "headless Chromium test skipped: chromium and chromedriver not found (apt-get install"
            + " chromium chromium-driver, or set CHROME_BIN and CHROMEDRIVER)");

    // The page learns the strategy stream's URL from the exchange's configuration, so the strategy
    // service's port is chosen before the exchange starts.
    strategyPort = freePort();
    venue =
        InJvmVenue.start(
            11,
            5.0,
            List.of("--mmlab.web.strategy-ws-url=ws://{host}:" + strategyPort + "/ws/strategies"));
    exchangePort = venue.exchangePort();
    int gatewayPort = venue.gatewayPort();
    strategies =
        new SpringApplicationBuilder(RlStrategyApplication.class)
            .run(
                "--server.port=" + strategyPort,
                "--mmlab.strategy.market-data-url=http://localhost:" + exchangePort,
                "--mmlab.strategy.gateway-url=http://localhost:" + gatewayPort,
                "--mmlab.strategy.api-keys=strategy-key",
                "--mmlab.strategy.decision-interval=200ms",
                "--mmlab.strategy.reconnect-delay=100ms",
                "--springdoc.api-docs.enabled=false");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1440,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    if (strategies != null) {
      strategies.close();
      strategies = null;
    }
    if (venue != null) {
      venue.close();
      venue = null;
    }
  }

  @Test
  void thePageShowsTheBookTradesAndALiveStrategyAndSaysWhenTheStrategyServiceIsGone()
      throws Exception {
    browser.get("http://localhost:" + exchangePort + "/");

    // The ladder: prices on both sides, the best bid below the best ask, both highlighted.
    await(
        "ladder rows on both sides",
        () -> count("#asks tr.ask") >= 3 && count("#bids tr.bid") >= 3);
    // One read of the whole ladder: best ask, asks above it, best bid, bids below it.
    List<String> ladder =
        texts("#asks tr.best-ask td.price, #bids tr.best-bid td.price, #bids td.price");
    double bestAsk = number(ladder.get(0));
    double bestBid = number(ladder.get(1));
    assertThat(bestBid).isPositive().isLessThan(bestAsk);
    for (String price : ladder.subList(1, ladder.size())) {
      assertThat(number(price)).isLessThanOrEqualTo(bestBid);
    }
    assertThat(count("#ladder tr.best")).isEqualTo(2);
    assertThat(text("#md-status")).isEqualTo("market data: live");

    // Trades print as the zero-intelligence market trades.
    await("trades", () -> count("#trades tbody tr") > 0);
    List<String> trade = texts("#trades tbody tr:first-child td");
    assertThat(trade).hasSize(4);
    assertThat(trade.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    assertThat(trade.get(1)).isIn("buy", "sell");
    assertThat(number(trade.get(2))).isPositive();
    assertThat(number(trade.get(3))).isPositive();

    // Connected to the strategy service (another origin), no strategy yet.
    await(
        "the strategy stream",
        () -> text("#strategy-status").equals("strategy service: connected"));
    await("the empty state", () -> text("#strategy-banner").startsWith("no strategy yet"));

    String id = startSymmetric();
    String card = ".strategy[data-id='" + id + "']";
    await("the strategy's card", () -> count(card) == 1);
    assertThat(text(card + " .type")).isEqualTo("symmetric");
    await("its charts drawing", () -> points(card + " canvas.pnl-chart") >= 2);
    int before = points(card + " canvas.inventory-chart");
    await("its charts growing", () -> points(card + " canvas.inventory-chart") > before);
    // Fills move its inventory and P&L: the figures follow the strategy service's own status.
    await("fills on the page", () -> number(text(card + " .fills")) > 0);
    assertThat(text(card + " .state")).isEqualTo("RUNNING");
    await("its quotes marked in the ladder", () -> count("#ladder tr.quoted") > 0);
    assertThat(text(card + " .bid")).matches("\\d+\\.\\d{2}");
    assertThat(number(text(card + " .bid"))).isLessThan(number(text(card + " .ask")));
    // The figures and the charts' last points are the same sample (read in one script: strategy
    // frames arrive four times a second).
    @SuppressWarnings("unchecked")
    List<String> shown =
        (List<String>)
            browser.executeScript(
                "const c = document.querySelector(arguments[0]);"
                    + " return [c.querySelector('.pnl').textContent,"
                    + " c.querySelector('canvas.pnl-chart').getAttribute('data-last'),"
                    + " c.querySelector('.inventory').textContent,"
                    + " c.querySelector('canvas.inventory-chart').getAttribute('data-last')];",
                card);
    assertThat(number(shown.get(0))).isCloseTo(number(shown.get(1)), within(0.005));
    assertThat(Long.parseLong(shown.get(2))).isEqualTo(Long.parseLong(shown.get(3)));
    screenshot(Path.of("target", "web-page.png"));

    // The strategy service goes away: the page says so and keeps the book live.
    strategies.close();
    strategies = null;
    await(
        "the not-connected state",
        () -> text("#strategy-banner").startsWith("strategy service not connected"));
    assertThat(text("#strategy-status")).isEqualTo("strategy service: not connected");
    assertThat(count("#bids tr.bid")).isPositive();
  }

  private static String startSymmetric() throws IOException, InterruptedException {
    HttpResponse<String> resp =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + strategyPort + "/api/v1/strategies"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"symmetric\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(resp.body()).isEqualTo(201);
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(resp.body());
    assertThat(m.find()).as(resp.body()).isTrue();
    return m.group(1);
  }

  // The page re-renders the ladder many times a second, so elements are read in one script each
  // (atomic in the page) rather than found first and read later.

  /** The text of every element the selector matches, in document order. */
  @SuppressWarnings("unchecked")
  private static List<String> texts(String css) {
    return (List<String>)
        browser.executeScript(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim());",
            css);
  }

  private static int count(String css) {
    return texts(css).size();
  }

  private static String text(String css) {
    List<String> all = texts(css);
    if (all.isEmpty()) {
      throw new AssertionError("nothing on the page matches " + css);
    }
    return all.get(0);
  }

  private static String attribute(String css, String dataName) {
    return (String)
        browser.executeScript(
            "const e = document.querySelector(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;",
            css,
            "data-" + dataName);
  }

  private static int points(String canvasCss) {
    String v = attribute(canvasCss, "points");
    return v == null ? 0 : Integer.parseInt(v);
  }

  private static double number(String s) {
    return Double.parseDouble(s.strip());
  }

  /** Polls the page until the condition holds; elements re-rendered meanwhile are retried. */
  private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        if (condition.get()) {
          return;
        }
      } catch (WebDriverException | NumberFormatException e) {
        // Not rendered yet, or re-rendered between find and read.
      }
      if (System.nanoTime() > end) {
        screenshot(Path.of("target", "web-page-failure.png"));
        throw new AssertionError("timed out waiting for " + what + " on the page");
      }
      Thread.sleep(100);
    }
  }

  private static void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path binary(String env, String... candidates) {
    String fromEnv = System.getenv(env);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path p = Path.of(fromEnv);
      return Files.isExecutable(p) ? p : null;
    }
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }
}
