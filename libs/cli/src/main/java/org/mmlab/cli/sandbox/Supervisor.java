package org.mmlab.cli.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mmlab.cli.UserInputException;

/**
 * Starts services as child processes, waits for their health, and stops them all again: destroy,
 * wait, then destroy forcibly, children first, so no process is left behind.
 */
public final class Supervisor implements AutoCloseable {

  private static final int TAIL_LINES = 20;
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Path logDir;
  private final Duration healthTimeout;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Running> running = new ArrayList<>();
  private volatile boolean stopping;

  /** A started service and its process. */
  public record Running(ServiceProcess service, Process process, Path log) {}

  /**
   * Creates a supervisor.
   *
   * @param logDir where each service's {@code <name>.log} goes
   * @param healthTimeout how long each service may take to report UP
   */
  public Supervisor(Path logDir, Duration healthTimeout) {
    this.logDir = logDir;
    this.healthTimeout = healthTimeout;
  }

  /**
   * Fails with one line if any of the services' ports is taken on loopback.
   *
   * @param services the services about to start
   */
  public static void checkPortsFree(List<ServiceProcess> services) {
    for (ServiceProcess s : services) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()));
      } catch (IOException e) {
        throw new UserInputException(
            "port "
                + s.port()
                + " for "
                + s.name()
                + " is busy; stop what uses it or pick other ports (--ports-base)");
      }
    }
  }

  /**
   * Starts a service and waits until its {@code /actuator/health} reports UP.
   *
   * @param service the service
   * @return the running service
   * @throws IOException if the log or the process cannot be created
   */
  public synchronized Running start(ServiceProcess service) throws IOException {
    if (stopping) {
      throw new UserInputException("sandbox stopped before " + service.name() + " started");
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve(service.name() + ".log");
    ProcessBuilder pb = new ProcessBuilder(service.command());
    pb.environment().putAll(service.env());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Process process = pb.start();
    Running r = new Running(service, process, log);
    running.add(r);
    return r;
  }

  /**
   * Waits until a started service is healthy.
   *
   * @param r the started service
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitHealthy(Running r) throws InterruptedException {
    URI health = URI.create(r.service().url() + "/actuator/health");
    long deadline = System.nanoTime() + healthTimeout.toNanos();
    while (true) {
      if (stopping) {
        throw new UserInputException("sandbox stopped while " + r.service().name() + " started");
      }
      if (!r.process().isAlive()) {
        throw new UserInputException(
            r.service().name()
                + " exited with code "
                + r.process().exitValue()
                + " during start-up; see "
                + r.log()
                + tail(r.log()));
      }
      if (isUp(health)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new UserInputException(
            r.service().name()
                + " not healthy after "
                + healthTimeout.toSeconds()
                + " s (--timeout); see "
                + r.log()
                + tail(r.log()));
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private boolean isUp(URI health) {
    try {
      HttpResponse<String> resp =
          http.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return resp.statusCode() == 200 && resp.body().replace(" ", "").contains("\"status\":\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The first service that exited on its own, if any.
   *
   * @return the dead service
   */
  public synchronized Optional<Running> firstDead() {
    return running.stream().filter(r -> !r.process().isAlive()).findFirst();
  }

  /**
   * The services started so far.
   *
   * @return a snapshot
   */
  public synchronized List<Running> running() {
    return List.copyOf(running);
  }

  /**
   * Whether {@link #stop()} has begun.
   *
   * @return true once stopping
   */
  public boolean isStopping() {
    return stopping;
  }

  /** Stops every started service (in reverse order) and waits until none is left. */
  public synchronized void stop() {
    stopping = true;
    List<Running> reversed = new ArrayList<>(running);
    java.util.Collections.reverse(reversed);
    for (Running r : reversed) {
      r.process().descendants().forEach(ProcessHandle::destroy);
      r.process().destroy();
    }
    for (Running r : reversed) {
      try {
        if (!r.process().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          r.process().descendants().forEach(ProcessHandle::destroyForcibly);
          r.process().destroyForcibly();
          r.process().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        r.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * The last lines of a log, each on its own line after a newline, or nothing if unreadable.
   *
   * @param log the log file
   * @return the tail, prefixed with a newline
   */
  static String tail(Path log) {
    try {
      List<String> lines =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
      return last.isEmpty() ? "" : "\n  | " + String.join("\n  | ", last);
    } catch (IOException e) {
      return "";
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
