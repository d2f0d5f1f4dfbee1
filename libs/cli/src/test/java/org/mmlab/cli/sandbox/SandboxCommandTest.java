package org.mmlab.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.cli.CliRun;

class SandboxCommandTest {

  @TempDir Path tmp;

  @Test
  void missingJarIsOneLineWithTheBuildCommand() {
    CliRun run =
        CliRun.of(
            "sandbox", "--jar-dir", tmp.toString(), "--log-dir", tmp.resolve("logs").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .startsWith("error: missing ")
        .contains("market-data-service.jar")
        .contains("build it with ./mvnw")
        .doesNotContain("\n");
  }

  @Test
  void busyPortIsOneLineAndNothingStarts() throws Exception {
    for (String m : SandboxCommand.MODULES) {
      Files.writeString(tmp.resolve(m + ".jar"), "not a jar");
    }
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = busy.getLocalPort();
      CliRun run =
          CliRun.of(
              "sandbox",
              "--jar-dir",
              tmp.toString(),
              "--log-dir",
              tmp.resolve("logs").toString(),
              "--market-data-port",
              Integer.toString(SandboxSupervisorTest.freePort()),
              "--gateway-port",
              Integer.toString(port),
              "--strategy-port",
              Integer.toString(SandboxSupervisorTest.freePort()),
              "--trainer-port",
              Integer.toString(SandboxSupervisorTest.freePort()));
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().strip())
          .isEqualTo(
              "error: port "
                  + port
                  + " for order-gateway-service is busy; stop what uses it or pick other ports"
                  + " (--ports-base)");
    }
    assertThat(tmp.resolve("logs")).doesNotExist();
  }

  @Test
  void badOptionsAreOneLine() {
    assertThat(CliRun.of("sandbox", "--model-path", "m.zip").err())
        .contains("--model-path needs --strategy");
    assertThat(CliRun.of("sandbox", "--speed", "0").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("sandbox", "--timeout", "0").exitCode()).isEqualTo(2);
    CliRun samePorts = CliRun.of("sandbox", "--ports-base", "9301", "--trainer-port", "9301");
    assertThat(samePorts.exitCode()).isEqualTo(2);
    assertThat(samePorts.err().strip())
        .isEqualTo("error: the four services need four different ports; 9301 is given twice");
  }

  @Test
  void commandLinesCarryPortsAndUrlsBetweenServices() {
    SandboxCommand cmd = new SandboxCommand();
    cmd.market = "hawkes";
    cmd.speed = 5.0;
    cmd.jarDir = tmp;
    for (String m : SandboxCommand.MODULES) {
      try {
        Files.writeString(tmp.resolve(m + ".jar"), "x");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    cmd.modelsDir = tmp.resolve("my-models");
    var services = cmd.services(9101, 9102, 9103, 9104);
    assertThat(services).extracting(ServiceProcess::name).isEqualTo(SandboxCommand.MODULES);
    assertThat(services.get(0).command())
        .contains(
            "--server.port=9101",
            "--mmlab.exchange.market=hawkes",
            "--mmlab.exchange.speed=5.0",
            "--mmlab.web.strategy-ws-url=ws://{host}:9103/ws/strategies");
    assertThat(services.get(1).command())
        .contains(
            "-XX:MaxTenuringThreshold=1",
            "--server.port=9102",
            "--mmlab.gateway.exchange-url=ws://127.0.0.1:9101/internal/ws/orders");
    assertThat(services.get(2).command())
        .contains(
            "-Dai.djl.offline=true",
            "--server.port=9103",
            "--mmlab.strategy.market-data-url=http://127.0.0.1:9101",
            "--mmlab.strategy.gateway-url=http://127.0.0.1:9102");
    assertThat(services.get(2).env()).containsKey("DJL_CACHE_DIR");
    assertThat(services.get(3).command())
        .contains(
            "-Dai.djl.offline=true",
            tmp.resolve("trainer-service.jar").toAbsolutePath().toString(),
            "--server.port=9104",
            "--mmlab.trainer.models-dir=" + tmp.resolve("my-models").toAbsolutePath());
    assertThat(services.get(3).env()).containsKey("DJL_CACHE_DIR");
  }

  @Test
  void theExchangeKeepsAJournalPerMarketUnlessTurnedOff() {
    SandboxCommand cmd = new SandboxCommand();
    cmd.jarDir = tmp;
    cmd.logDir = tmp.resolve("logs");
    for (String m : SandboxCommand.MODULES) {
      try {
        Files.writeString(tmp.resolve(m + ".jar"), "x");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    assertThat(cmd.services(9101, 9102, 9103, 9104).get(0).command())
        .contains(
            "--mmlab.exchange.journal-dir=" + tmp.resolve("logs/journal/zi").toAbsolutePath());
    cmd.market = "lobster:/data/AAPL day.csv";
    assertThat(cmd.exchangeJournal())
        .isEqualTo(tmp.resolve("logs/journal/lobster__data_AAPL_day.csv").toAbsolutePath());
    cmd.journalDir = tmp.resolve("j");
    assertThat(cmd.services(9101, 9102, 9103, 9104).get(0).command())
        .contains("--mmlab.exchange.journal-dir=" + tmp.resolve("j").toAbsolutePath());
    cmd.journalDir = null;
    cmd.noJournal = true;
    assertThat(cmd.services(9101, 9102, 9103, 9104).get(0).command())
        .noneMatch(a -> a.contains("journal"));
    CliRun both = CliRun.of("sandbox", "--no-journal", "--journal-dir", "x");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err().strip())
        .isEqualTo("error: --journal-dir and --no-journal exclude each other");
  }

  @Test
  void theTrainerStoresModelsInTheRepositorysModelsDirectory() throws Exception {
    // Jars found in <repo>/<module>/target: the store is <repo>/models.
    Path repo = tmp.resolve("repo");
    for (String m : SandboxCommand.MODULES) {
      Path target = Files.createDirectories(repo.resolve(m).resolve("target"));
      Files.writeString(target.resolve(m + ".jar"), "x");
    }
    SandboxCommand cmd = new SandboxCommand();
    Path jar = repo.resolve("trainer-service").resolve("target").resolve("trainer-service.jar");
    assertThat(cmd.modelsDir(jar)).isEqualTo(repo.resolve("models"));
    cmd.jarDir = repo.resolve("trainer-service").resolve("target");
    assertThat(cmd.modelsDir(jar)).isEqualTo(Path.of("models").toAbsolutePath());
  }
}
