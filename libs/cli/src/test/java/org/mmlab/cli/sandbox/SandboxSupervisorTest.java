package org.mmlab.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.cli.UserInputException;

class SandboxSupervisorTest {

  @TempDir Path tmp;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static ServiceProcess fake(String name, int port, String mode) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ServiceProcess(
        name,
        port,
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            SandboxFakeService.class.getName(),
            Integer.toString(port),
            mode),
        Map.of());
  }

  @Test
  void startsTwoServicesWaitsForHealthAndStopsLeavingNoProcess() throws Exception {
    Supervisor sup = new Supervisor(tmp.resolve("logs"), Duration.ofSeconds(30));
    List<ServiceProcess> services =
        List.of(fake("a", freePort(), "up"), fake("b", freePort(), "up"));
    Supervisor.checkPortsFree(services);
    for (ServiceProcess s : services) {
      sup.awaitHealthy(sup.start(s));
    }
    List<Supervisor.Running> running = sup.running();
    assertThat(running).hasSize(2).allMatch(r -> r.process().isAlive());
    assertThat(sup.firstDead()).isEmpty();
    assertThat(tmp.resolve("logs/a.log")).content().contains("fake service starting");

    sup.stop();

    for (Supervisor.Running r : running) {
      assertThat(r.process().isAlive()).isFalse();
      assertThat(ProcessHandle.of(r.process().pid()).map(ProcessHandle::isAlive))
          .isNotEqualTo(java.util.Optional.of(true));
    }
    assertThat(sup.isStopping()).isTrue();
  }

  @Test
  void healthTimeoutNamesTheServiceShowsItsLogTailAndStops() throws Exception {
    Supervisor sup = new Supervisor(tmp.resolve("logs"), Duration.ofSeconds(2));
    Supervisor.Running r = sup.start(fake("slow", freePort(), "silent"));
    try {
      assertThatThrownBy(() -> sup.awaitHealthy(r))
          .isInstanceOf(UserInputException.class)
          .hasMessageContaining("slow not healthy after 2 s")
          .hasMessageContaining("fake service starting");
    } finally {
      sup.stop();
    }
    assertThat(r.process().isAlive()).isFalse();
  }

  @Test
  void serviceExitingDuringStartUpIsReportedWithItsLog() throws Exception {
    Supervisor sup = new Supervisor(tmp.resolve("logs"), Duration.ofSeconds(30));
    Supervisor.Running r = sup.start(fake("crashy", freePort(), "crash"));
    try {
      assertThatThrownBy(() -> sup.awaitHealthy(r))
          .isInstanceOf(UserInputException.class)
          .hasMessageContaining("crashy exited with code 3")
          .hasMessageContaining("fake service crashing");
    } finally {
      sup.stop();
    }
  }

  @Test
  void busyPortIsRejectedBeforeAnythingStarts() throws Exception {
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      ServiceProcess s = fake("x", busy.getLocalPort(), "up");
      assertThatThrownBy(() -> Supervisor.checkPortsFree(List.of(s)))
          .isInstanceOf(UserInputException.class)
          .hasMessageContaining("port " + busy.getLocalPort() + " for x is busy");
    }
  }
}
