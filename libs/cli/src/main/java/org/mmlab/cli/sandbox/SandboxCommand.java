package org.mmlab.cli.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmlab.cli.MmlabCli;
import org.mmlab.cli.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mmlab sandbox}: market-data-service, order-gateway-service, rl-strategy-service and
 * trainer-service on loopback from their built jars, optionally with a strategy running; Ctrl-C
 * stops them all.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Start the exchange (with its live web page), the order gateway, the strategy service and",
      "the trainer on loopback (no Docker), wait until they are healthy and print their URLs;",
      "Ctrl-C stops everything."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab sandbox",
      "  ./mmlab sandbox --strategy symmetric --market hawkes --speed 10",
      "  ./mmlab sandbox --strategy rl --model-path models/rl_mm_agent.zip --ports-base 9081"
    })
public final class SandboxCommand implements Callable<Integer> {

  static final String MARKET_DATA = "market-data-service";
  static final String GATEWAY = "order-gateway-service";
  static final String STRATEGY = "rl-strategy-service";
  static final String TRAINER = "trainer-service";

  /** The four services, in start order. */
  static final List<String> MODULES = List.of(MARKET_DATA, GATEWAY, STRATEGY, TRAINER);

  static final String BUILD_HINT =
      "./mvnw -q -DskipTests -pl market-data-service,order-gateway-service,rl-strategy-service,"
          + "trainer-service -am package";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--strategy",
      paramLabel = "TYPE",
      description =
          "Also start a strategy through rl-strategy-service: symmetric, avellaneda-stoikov,"
              + " glft, random, rl, ensemble.")
  String strategy;

  @Option(
      names = "--model-path",
      paramLabel = "P",
      description = "Model bundle for --strategy rl (comma-separated bundles for ensemble).")
  String modelPath;

  @Option(
      names = "--market",
      paramLabel = "SPEC",
      description = "Market the exchange runs (mmlab.exchange.market): zi, hawkes, as, ...")
  String market;

  @Option(
      names = "--speed",
      paramLabel = "X",
      description = "Simulated seconds per wall-clock second (mmlab.exchange.speed).")
  Double speed;

  @Option(
      names = "--ports-base",
      paramLabel = "PORT",
      defaultValue = "8081",
      description =
          "First of four consecutive ports: market data, gateway, strategy, trainer (default:"
              + " ${DEFAULT-VALUE}).")
  int portsBase;

  @Option(names = "--market-data-port", paramLabel = "PORT", description = "Overrides base.")
  Integer marketDataPort;

  @Option(names = "--gateway-port", paramLabel = "PORT", description = "Overrides base + 1.")
  Integer gatewayPort;

  @Option(names = "--strategy-port", paramLabel = "PORT", description = "Overrides base + 2.")
  Integer strategyPort;

  @Option(names = "--trainer-port", paramLabel = "PORT", description = "Overrides base + 3.")
  Integer trainerPort;

  @Option(
      names = "--models-dir",
      paramLabel = "DIR",
      description =
          "trainer-service's model store (default: models/ in the repository holding the jars).")
  Path modelsDir;

  @Option(
      names = "--jar-dir",
      paramLabel = "DIR",
      description =
          "Directory holding the four <service>.jar files (default: each module's target/"
              + " directory under the repository containing the working directory).")
  Path jarDir;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "180",
      description = "How long each service may take to become healthy (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--journal-dir",
      paramLabel = "DIR",
      description =
          "The exchange's journal (mmlab.exchange.journal-dir): a sandbox started again on it"
              + " recovers the book, the client orders and positions, and continues the journaled"
              + " market (its spec, seed and speed) (default: <log-dir>/journal/<market>).")
  Path journalDir;

  @Option(
      names = "--no-journal",
      description = "Run the exchange without a journal: it starts afresh every time.")
  boolean noJournal;

  @Option(
      names = "--log-dir",
      paramLabel = "DIR",
      defaultValue = ".mmlab/sandbox",
      description = "Where the services' logs go (default: ${DEFAULT-VALUE}).")
  Path logDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    validate();
    int mdPort = marketDataPort != null ? marketDataPort : portsBase;
    int gwPort = gatewayPort != null ? gatewayPort : portsBase + 1;
    int stPort = strategyPort != null ? strategyPort : portsBase + 2;
    int trPort = trainerPort != null ? trainerPort : portsBase + 3;
    int[] ports = {mdPort, gwPort, stPort, trPort};
    for (int i = 0; i < ports.length; i++) {
      if (ports[i] < 1 || ports[i] > 65535) {
        throw new UserInputException("port " + ports[i] + " is out of range 1..65535");
      }
      for (int j = 0; j < i; j++) {
        if (ports[i] == ports[j]) {
          throw new UserInputException(
              "the four services need four different ports; " + ports[i] + " is given twice");
        }
      }
    }
    List<ServiceProcess> services = services(mdPort, gwPort, stPort, trPort);
    Supervisor.checkPortsFree(services);

    Supervisor supervisor = new Supervisor(logDir, Duration.ofSeconds(timeoutSeconds));
    Thread hook =
        new Thread(
            () -> {
              if (!supervisor.isStopping()) {
                err.println("mmlab sandbox: stopping...");
                err.flush();
              }
              supervisor.stop();
            },
            "mmlab-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    Path journal = exchangeJournal();
    if (journal != null && Files.exists(journal.resolve("exchange.journal"))) {
      out.println(
          "recovering the exchange from its journal in "
              + journal
              + " (--no-journal, or delete the directory, to start afresh)");
    }
    try {
      for (ServiceProcess s : services) {
        out.printf("starting %-22s on %s ...%n", s.name(), s.url());
        out.flush();
        Supervisor.Running r = supervisor.start(s);
        supervisor.awaitHealthy(r);
      }
      String started = strategy == null ? null : startStrategy(stPort);
      printReady(out, services, started);
      return waitUntilStopped(supervisor, err);
    } finally {
      supervisor.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already.
      }
    }
  }

  private void validate() {
    if (timeoutSeconds < 1) {
      throw new UserInputException("--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    if (speed != null && !(speed > 0 && speed <= 10_000)) {
      throw new UserInputException("--speed must be in (0, 10000], got " + speed);
    }
    if (modelPath != null && strategy == null) {
      throw new UserInputException("--model-path needs --strategy (rl or ensemble)");
    }
    if (market != null && market.isBlank()) {
      throw new UserInputException("--market must not be blank");
    }
    if (noJournal && journalDir != null) {
      throw new UserInputException("--journal-dir and --no-journal exclude each other");
    }
  }

  /**
   * The exchange's journal directory: the given one, or one per market under the log directory (so
   * that another {@code --market} starts its own market rather than recovering the last one).
   *
   * @return the directory, or null with {@code --no-journal}
   */
  Path exchangeJournal() {
    if (noJournal) {
      return null;
    }
    if (journalDir != null) {
      return journalDir.toAbsolutePath().normalize();
    }
    String name = market == null ? "zi" : market.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.length() > 80) {
      name = name.substring(0, 80);
    }
    Path logs = logDir != null ? logDir : Path.of(".mmlab", "sandbox");
    return logs.resolve("journal").resolve(name).toAbsolutePath().normalize();
  }

  /** The four services' command lines, in start order. */
  List<ServiceProcess> services(int mdPort, int gwPort, int stPort, int trPort) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<ServiceProcess> list = new ArrayList<>();

    List<String> md = new ArrayList<>(List.of(java, "-jar", jar(MARKET_DATA).toString()));
    common(md, mdPort);
    if (market != null) {
      md.add("--mmlab.exchange.market=" + market);
    }
    if (speed != null) {
      md.add("--mmlab.exchange.speed=" + speed);
    }
    Path journal = exchangeJournal();
    if (journal != null) {
      md.add("--mmlab.exchange.journal-dir=" + journal);
    }
    // The live page at / reads the strategies from rl-strategy-service ({host}: the page's host).
    md.add("--mmlab.web.strategy-ws-url=ws://{host}:" + stPort + "/ws/strategies");
    list.add(new ServiceProcess(MARKET_DATA, mdPort, md, Map.of()));

    List<String> gw = new ArrayList<>(List.of(java));
    gw.addAll(GatewayJvm.OPTIONS);
    gw.add("-jar");
    gw.add(jar(GATEWAY).toString());
    common(gw, gwPort);
    gw.add("--mmlab.gateway.exchange-url=ws://127.0.0.1:" + mdPort + "/internal/ws/orders");
    list.add(new ServiceProcess(GATEWAY, gwPort, gw, Map.of()));

    String djlCache = System.getenv("DJL_CACHE_DIR");
    if (djlCache == null || djlCache.isBlank()) {
      djlCache = Path.of(".mmlab", "djl-cache").toAbsolutePath().toString();
    }
    Map<String, String> djlEnv = Map.of("DJL_CACHE_DIR", djlCache);

    List<String> st = djl(java, jar(STRATEGY));
    common(st, stPort);
    st.add("--mmlab.strategy.market-data-url=http://127.0.0.1:" + mdPort);
    st.add("--mmlab.strategy.gateway-url=http://127.0.0.1:" + gwPort);
    list.add(new ServiceProcess(STRATEGY, stPort, st, djlEnv));

    Path trainerJar = jar(TRAINER);
    List<String> tr = djl(java, trainerJar);
    common(tr, trPort);
    tr.add("--mmlab.trainer.models-dir=" + modelsDir(trainerJar));
    list.add(new ServiceProcess(TRAINER, trPort, tr, djlEnv));
    return list;
  }

  /** A java command line for a service running DJL: offline, one native thread each way. */
  private static List<String> djl(String java, Path jar) {
    return new ArrayList<>(
        List.of(
            java,
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1",
            "-jar",
            jar.toString()));
  }

  /**
   * trainer-service's model store: {@code --models-dir}, else {@code models/} of the repository the
   * jars were built in (beside the module directories), else of the working directory.
   */
  Path modelsDir(Path trainerJar) {
    if (modelsDir != null) {
      return modelsDir.toAbsolutePath().normalize();
    }
    Path target = trainerJar.getParent();
    if (jarDir == null
        && target != null
        && target.getParent() != null
        && target.getParent().getParent() != null) {
      return target.getParent().getParent().resolve("models");
    }
    return Path.of("models").toAbsolutePath();
  }

  private static void common(List<String> cmd, int port) {
    cmd.add("--server.port=" + port);
    cmd.add("--server.address=127.0.0.1");
  }

  /** The jar of a module: in --jar-dir, or in the module's target directory. */
  Path jar(String module) {
    return ServiceJars.locate(jarDir, module, BUILD_HINT, "--jar-dir");
  }

  private String startStrategy(int stPort) throws IOException, InterruptedException {
    StringBuilder json = new StringBuilder("{\"type\":").append(quote(strategy));
    if (modelPath != null) {
      // Existing files go as absolute paths, so the service finds them whatever its directory.
      String resolved =
          java.util.Arrays.stream(modelPath.split(",", -1))
              .map(String::strip)
              .map(p -> Files.exists(Path.of(p)) ? Path.of(p).toAbsolutePath().toString() : p)
              .collect(java.util.stream.Collectors.joining(","));
      json.append(",\"modelPath\":").append(quote(resolved));
    }
    json.append('}');
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> resp =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stPort + "/api/v1/strategies"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() / 100 != 2) {
      throw new UserInputException(
          "could not start strategy "
              + strategy
              + ": HTTP "
              + resp.statusCode()
              + " "
              + resp.body().replaceAll("\\s+", " "));
    }
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(resp.body());
    return m.find() ? m.group(1) : strategy;
  }

  private void printReady(PrintWriter out, List<ServiceProcess> services, String strategyId) {
    ServiceProcess md = services.get(0);
    ServiceProcess gw = services.get(1);
    ServiceProcess st = services.get(2);
    ServiceProcess tr = services.get(3);
    out.println();
    out.println("sandbox ready:");
    for (ServiceProcess s : services) {
      out.printf(
          "  %-22s %-24s log %s%n",
          s.name(), s.url(), logDir.resolve(s.name() + ".log").toAbsolutePath().normalize());
    }
    out.println();
    Path journal = exchangeJournal();
    out.println(
        journal == null
            ? "  exchange journal: off (--no-journal): a restart starts afresh"
            : "  exchange journal: "
                + journal
                + " (a restart recovers the book, orders and positions)");
    out.println("  web page (book, trades, strategies' P&L and inventory): " + md.url() + "/");
    if (strategyId != null) {
      out.println("  strategy " + strategyId + " is running");
    }
    out.println();
    out.println("try:");
    out.println("  curl " + md.url() + "/api/v1/simulation");
    out.println("  curl " + md.url() + "/actuator/health");
    out.println("  curl -H 'X-API-Key: demo-key' " + gw.url() + "/api/v1/instrument");
    out.println("  curl -H 'X-API-Key: demo-key' " + gw.url() + "/api/v1/positions");
    out.println(
        "  curl -XPOST "
            + st.url()
            + "/api/v1/strategies -H 'Content-Type: application/json' -d '{\"type\":\"glft\"}'");
    out.println("  curl " + st.url() + "/api/v1/strategies");
    if (strategyId != null) {
      out.println("  curl " + st.url() + "/api/v1/strategies/" + strategyId);
    }
    out.println("  curl " + tr.url() + "/api/v1/models");
    out.println(
        "  curl -XPOST "
            + tr.url()
            + "/api/v1/jobs -H 'Content-Type: application/json' -d '{\"savePath\":\"sandbox_agent\","
            + "\"episodes\":20}'");
    out.println("  curl " + tr.url() + "/api/v1/jobs");
    out.println("  market data stream: ws://127.0.0.1:" + md.port() + "/ws/market-data");
    out.println("  strategy stream:    ws://127.0.0.1:" + st.port() + "/ws/strategies");
    out.println("  API keys: demo-key, admin-key (gateway header X-API-Key)");
    out.println(
        "  strategy keys: strategy-key, strategy-key-2..4, one per running strategy (a start"
            + " without apiKey takes the first free one; its status shows keySlot)");
    out.println();
    out.println("Ctrl-C stops everything.");
    out.flush();
  }

  /** Blocks until Ctrl-C (the shutdown hook stops the services) or a service dies on its own. */
  private int waitUntilStopped(Supervisor supervisor, PrintWriter err) throws InterruptedException {
    while (!supervisor.isStopping()) {
      Optional<Supervisor.Running> dead = supervisor.firstDead();
      if (dead.isPresent() && !supervisor.isStopping()) {
        Supervisor.Running r = dead.get();
        err.println(
            "error: "
                + r.service().name()
                + " exited with code "
                + r.process().exitValue()
                + "; stopping the sandbox; see "
                + r.log()
                + Supervisor.tail(r.log()));
        err.flush();
        return MmlabCli.EXIT_CHECK_FAILED;
      }
      Thread.sleep(500);
    }
    return 0;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
