package org.mmlab.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.cli.CliRun;
import org.mmlab.sim.market.MarketFactory;
import org.mmlab.sim.market.ZiParams;

class CalibrateCommandTest {

  static Path shared(String file) {
    String root = System.getProperty("mmlab.shared.data");
    assertThat(root).as("system property mmlab.shared.data (set by the build)").isNotNull();
    return Path.of(root, "lobster", file);
  }

  @Test
  void calibratesFromARealDayAndTheFileDrivesAMarket(@TempDir Path dir) {
    Path out = dir.resolve("zi.json");
    CliRun r =
        CliRun.of(
            "data",
            "calibrate",
            shared("LOBSTER_SampleFile_AMZN_2012-06-21_5.zip").toString(),
            "-o",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    ZiParams p = MarketFactory.ziParams(out.toString());
    // AMZN traded around $223 on 2012-06-21: 22,300 one-cent ticks.
    assertThat(p.initialPrice()).isBetween(21_000L, 24_000L);
    assertThat(p.marketRate()).isBetween(0.01, 5.0);
    assertThat(p.cancelRate()).isBetween(0.001, 10.0);
    assertThat(r.out()).contains("8182 market orders");
    CliRun bt =
        CliRun.of(
            "backtest",
            "--strategy",
            "symmetric",
            "--market",
            "zi:" + out,
            "--steps",
            "200",
            "--format",
            "json");
    assertThat(bt.exitCode()).as(bt.err()).isZero();
  }

  @Test
  void missingFileIsOneLine(@TempDir Path dir) {
    CliRun r = CliRun.of("data", "calibrate", "/no/such.zip", "-o", dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }
}
