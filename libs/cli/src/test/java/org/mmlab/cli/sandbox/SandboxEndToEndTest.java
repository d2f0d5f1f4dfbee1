package org.mmlab.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.cli.MmlabCli;
import picocli.CommandLine;

/** The whole command against fake service jars: start, health, strategy, a crash stops all. */
class SandboxEndToEndTest {

  @TempDir Path tmp;

  @Test
  void startsAllFourStartsTheStrategyAndStopsEverythingWhenOneDies() throws Exception {
    Path jars = Files.createDirectories(tmp.resolve("jars"));
    for (String m : SandboxCommand.MODULES) {
      fakeJar(jars.resolve(m + ".jar"));
    }
    int base = freeBase();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = MmlabCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cl.execute(
                    "sandbox",
                    "--jar-dir",
                    jars.toString(),
                    "--log-dir",
                    tmp.resolve("logs").toString(),
                    "--ports-base",
                    Integer.toString(base),
                    "--strategy",
                    "symmetric",
                    "--timeout",
                    "60"));

    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!out.toString().contains("Ctrl-C stops everything") && System.nanoTime() < deadline) {
      assertThat(exit).as("exited early: " + err).isNotDone();
      Thread.sleep(100);
    }
    assertThat(out.toString())
        .contains("sandbox ready:")
        .contains("http://127.0.0.1:" + base)
        .contains("strategy fake-1 is running")
        .contains("curl -H 'X-API-Key: demo-key' http://127.0.0.1:" + (base + 1))
        .contains("strategy keys: strategy-key, strategy-key-2..4, one per running strategy")
        .contains(
            "web page (book, trades, strategies' P&L and inventory): http://127.0.0.1:"
                + base
                + "/")
        .contains("curl http://127.0.0.1:" + (base + 3) + "/api/v1/models")
        .contains("ws://127.0.0.1:" + (base + 2) + "/ws/strategies")
        .contains(tmp.resolve("logs").resolve("trainer-service.log").toString())
        .contains(tmp.resolve("logs").resolve("rl-strategy-service.log").toString());

    List<ProcessHandle> children =
        ProcessHandle.current()
            .children()
            .filter(p -> p.info().commandLine().orElse("").contains(jars.toString()))
            .toList();
    assertThat(children).hasSize(4);

    // One service dies on its own: the sandbox reports it and stops the others.
    children.get(1).destroyForcibly();
    assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(MmlabCli.EXIT_CHECK_FAILED);
    assertThat(err.toString()).contains("order-gateway-service exited");
    for (ProcessHandle p : children) {
      p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(p.isAlive()).isFalse();
    }
  }

  private static int freeBase() throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = SandboxSupervisorTest.freePort();
      if (base > 65000) {
        continue;
      }
      try {
        Supervisor.checkPortsFree(
            List.of(
                new ServiceProcess("a", base + 1, List.of("x"), java.util.Map.of()),
                new ServiceProcess("b", base + 2, List.of("x"), java.util.Map.of()),
                new ServiceProcess("c", base + 3, List.of("x"), java.util.Map.of())));
        return base;
      } catch (RuntimeException busy) {
        // try another
      }
    }
    throw new IllegalStateException("no four free consecutive ports");
  }

  /** An executable jar holding only the fake service, as the command runs {@code java -jar}. */
  private static void fakeJar(Path jar) throws Exception {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SandboxFakeService.class.getName());
    String entry = SandboxFakeService.class.getName().replace('.', '/') + ".class";
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(os, mf)) {
      jos.putNextEntry(new JarEntry(entry));
      try (var in = SandboxFakeService.class.getClassLoader().getResourceAsStream(entry)) {
        in.transferTo(jos);
      }
      jos.closeEntry();
    }
  }
}
