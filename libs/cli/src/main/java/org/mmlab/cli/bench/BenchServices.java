package org.mmlab.cli.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mmlab.cli.UserInputException;
import org.mmlab.cli.sandbox.GatewayJvm;
import org.mmlab.cli.sandbox.ServiceJars;
import org.mmlab.cli.sandbox.ServiceProcess;
import org.mmlab.cli.sandbox.Supervisor;

/**
 * The services a bench or soak runs against: the running ones named by URL, or the exchange, the
 * gateway and the strategy service started here from their jars (through the sandbox's {@link
 * Supervisor}) with the benchmark's configuration overrides, stopped again on close.
 */
final class BenchServices implements AutoCloseable {
  static final String MARKET_DATA = "market-data-service";
  static final String GATEWAY = "order-gateway-service";
  static final String STRATEGY = "rl-strategy-service";
  static final String BUILD_HINT =
      "./mvnw -q -DskipTests -pl market-data-service,order-gateway-service,rl-strategy-service"
          + " -am package";

  /**
   * The gateway's per-client order limit is lifted for services started here: the benchmarks
   * measure the gateway, not its Bucket4j limiter (100 orders/s per key by default).
   */
  static final List<String> GATEWAY_UNLIMITED =
      List.of(
          "--mmlab.gateway.risk.orders-per-second=1000000", "--mmlab.gateway.risk.burst=1000000");

  private final Supervisor supervisor;
  private final Thread hook;
  private final Map<String, URI> urls;
  private final Map<String, Long> pids;

  private BenchServices(
      Supervisor supervisor, Thread hook, Map<String, URI> urls, Map<String, Long> pids) {
    this.supervisor = supervisor;
    this.hook = hook;
    this.urls = urls;
    this.pids = pids;
  }

  /**
   * Uses running services or starts the needed ones.
   *
   * @param o the options
   * @param needed which services, in start order ({@link #MARKET_DATA}, {@link #GATEWAY}, {@link
   *     #STRATEGY})
   * @param overrides extra {@code --key=value} arguments per service name
   * @param out where progress goes
   * @return the services
   * @throws Exception if a service cannot start
   */
  static BenchServices open(
      VenueOptions o, List<String> needed, Map<String, List<String>> overrides, PrintWriter out)
      throws Exception {
    if (o.external()) {
      Map<String, URI> urls = new LinkedHashMap<>();
      put(urls, MARKET_DATA, o.marketDataUrl);
      put(urls, GATEWAY, o.gatewayUrl);
      put(urls, STRATEGY, o.strategyUrl);
      return new BenchServices(null, null, urls, Map.of());
    }
    int md = o.portsBase;
    int gw = o.portsBase + 1;
    int st = o.portsBase + 2;
    List<ServiceProcess> services = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String name : needed) {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + o.serviceHeap));
      if (name.equals(GATEWAY)) {
        cmd.addAll(GatewayJvm.OPTIONS); // what the gateway runs with everywhere
      }
      cmd.addAll(o.jvmOptions(name)); // after -Xmx and the defaults, so that options given here win
      Map<String, String> env = Map.of();
      int port;
      switch (name) {
        case MARKET_DATA -> port = md;
        case GATEWAY -> port = gw;
        case STRATEGY -> {
          port = st;
          cmd.addAll(
              List.of(
                  "-Dai.djl.offline=true",
                  "-Dai.djl.pytorch.num_threads=1",
                  "-Dai.djl.pytorch.num_interop_threads=1"));
          String djlCache = System.getenv("DJL_CACHE_DIR");
          if (djlCache == null || djlCache.isBlank()) {
            djlCache = Path.of(".mmlab", "djl-cache").toAbsolutePath().toString();
          }
          env = Map.of("DJL_CACHE_DIR", djlCache);
        }
        default -> throw new IllegalArgumentException("unknown service " + name);
      }
      cmd.add("-jar");
      cmd.add(jar(o.jarDir, name).toString());
      cmd.add("--server.port=" + port);
      cmd.add("--server.address=127.0.0.1");
      switch (name) {
        case GATEWAY ->
            cmd.add("--mmlab.gateway.exchange-url=ws://127.0.0.1:" + md + "/internal/ws/orders");
        case STRATEGY -> {
          cmd.add("--mmlab.strategy.market-data-url=http://127.0.0.1:" + md);
          cmd.add("--mmlab.strategy.gateway-url=http://127.0.0.1:" + gw);
        }
        default -> {}
      }
      cmd.addAll(overrides.getOrDefault(name, List.of()));
      services.add(new ServiceProcess(name, port, cmd, env));
    }
    checkPortsFree(services);
    Supervisor supervisor = new Supervisor(o.logDir, Duration.ofSeconds(o.timeoutSeconds));
    Thread hook = new Thread(supervisor::stop, "mmlab-bench-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    Map<String, URI> urls = new LinkedHashMap<>();
    Map<String, Long> pids = new LinkedHashMap<>();
    BenchServices started = new BenchServices(supervisor, hook, urls, pids);
    try {
      for (ServiceProcess s : services) {
        out.printf("starting %-22s on %s ...%n", s.name(), s.url());
        out.flush();
        Supervisor.Running r = supervisor.start(s);
        supervisor.awaitHealthy(r);
        urls.put(s.name(), URI.create(s.url()));
        pids.put(s.name(), r.process().pid());
      }
    } catch (Exception | Error e) {
      started.close();
      throw e;
    }
    return started;
  }

  /**
   * Fails with one line if a port is taken. Unlike a plain bind, it allows the address reuse the
   * services themselves use, so the TIME_WAIT connections a previous benchmark left on the port do
   * not count as taken.
   */
  static void checkPortsFree(List<ServiceProcess> services) {
    for (ServiceProcess s : services) {
      try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), s.port()));
      } catch (java.io.IOException e) {
        throw new UserInputException(
            "port "
                + s.port()
                + " for "
                + s.name()
                + " is busy; stop what uses it or pick other ports (--ports-base)");
      }
    }
  }

  private static void put(Map<String, URI> urls, String name, URI url) {
    if (url != null) {
      String s = url.toString();
      urls.put(name, URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
    }
  }

  /** The jar of a module: in the jar directory, or in the module's target directory. */
  static Path jar(Path jarDir, String module) {
    return ServiceJars.locate(jarDir, module, BUILD_HINT, "--jar-dir or the services' URLs");
  }

  /**
   * A service's base URL.
   *
   * @param name the service
   * @return its URL, without a trailing slash
   */
  URI url(String name) {
    URI u = urls.get(name);
    if (u == null) {
      throw new IllegalStateException(name + " is not part of this run");
    }
    return u;
  }

  /**
   * Whether the services were started here (so their configuration is the benchmark's).
   *
   * @return true when started here
   */
  boolean startedHere() {
    return supervisor != null;
  }

  /**
   * The process ids of the services started here.
   *
   * @return name → pid; empty for running services
   */
  Map<String, Long> pids() {
    return pids;
  }

  /**
   * The names of the services in use.
   *
   * @return in start order
   */
  List<String> names() {
    return List.copyOf(urls.keySet());
  }

  /**
   * A started service that died, if any.
   *
   * @return a line naming it and its log
   */
  Optional<String> dead() {
    if (supervisor == null) {
      return Optional.empty();
    }
    return supervisor
        .firstDead()
        .map(
            r ->
                r.service().name()
                    + " exited with code "
                    + r.process().exitValue()
                    + "; see "
                    + r.log());
  }

  @Override
  public void close() {
    if (supervisor != null) {
      supervisor.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already.
      }
    }
  }
}
