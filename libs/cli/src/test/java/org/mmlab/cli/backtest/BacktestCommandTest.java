package org.mmlab.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmlab.cli.CliRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BacktestCommandTest {
  static final String[] KEYS = {
    "pnl",
    "sharpe",
    "sortino",
    "max_drawdown",
    "fill_rate",
    "realized_spread",
    "twa_inventory",
    "mean_abs_position",
    "trades",
    "volume"
  };

  @Test
  void jsonHasTheAgreedKeysAndIsDeterministicPerSeed() {
    String[] args = {
      "backtest",
      "--strategy",
      "symmetric",
      "--market",
      "zi",
      "--episodes",
      "2",
      "--steps",
      "300",
      "--seed",
      "7",
      "--format",
      "json"
    };
    CliRun a = CliRun.of(args);
    assertThat(a.exitCode()).as(a.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(a.out());
    for (String k : KEYS) {
      assertThat(json.get(k).isNumber()).as(k).isTrue();
      assertThat(Double.isFinite(json.get(k).asDouble())).as(k).isTrue();
    }
    assertThat(json.get("trades").asDouble()).isPositive();
    assertThat(json.get("fill_rate").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(CliRun.of(args).out()).isEqualTo(a.out());
    args[10] = "8";
    assertThat(CliRun.of(args).out()).isNotEqualTo(a.out());
  }

  @Test
  void csvHasOneRowPerEpisodeAndTheReportHasCharts(@TempDir Path dir) throws Exception {
    CliRun r =
        CliRun.of(
            "backtest",
            "--strategy",
            "glft",
            "--market",
            "hawkes",
            "--episodes",
            "3",
            "--steps",
            "200",
            "--format",
            "csv",
            "--report",
            dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("episode,seed,pnl,sharpe");
    assertThat(Files.readString(dir.resolve("index.html"))).contains("equity.png");
    assertThat(Files.size(dir.resolve("equity.png"))).isGreaterThan(1000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "backtest --strategy symmetric --episodes 0|--episodes must be > 0",
        "backtest --strategy symmetric --seed -1|--seed must be >= 0",
        "backtest --strategy nope|unknown strategy",
        "backtest --strategy symmetric --market moon|unknown market \"moon\"",
        "backtest --strategy symmetric --market lobster:/no/such.zip|/no/such.zip",
        "backtest --strategy symmetric --format xml|--format must be table, json or csv",
        "backtest --strategy symmetric --latency 5parsecs|--latency",
        "backtest --strategy avellaneda-stoikov --param gamma=-1|gamma",
        "compare --strategies symmetric,glft --seeds 0|--seeds must be > 0",
        "compare --strategies symmetric,bogus|unknown strategy",
        "env check --check-steps 0|--check-steps must be > 0",
        "env check --reward foo|unknown reward"
      })
  void badInputIsOneLineAndExitCodeTwo(String line, String message) {
    CliRun r = CliRun.of(line.split(" "));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains(message);
  }

  @Test
  void compareTabulatesEveryStrategy() {
    CliRun r =
        CliRun.of(
            "compare",
            "--strategies",
            "symmetric,avellaneda-stoikov,glft",
            "--market",
            "as",
            "--episodes",
            "1",
            "--seeds",
            "2",
            "--steps",
            "200",
            "--format",
            "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    for (String s : new String[] {"symmetric", "avellaneda-stoikov", "glft"}) {
      assertThat(json.get(s).get("metrics").get("pnl").get("n").asInt()).isEqualTo(2);
      assertThat(json.get(s).get("metrics").get("trades").get("mean").asDouble()).isPositive();
    }
  }

  @Test
  void envCheckPasses() {
    CliRun r =
        CliRun.of("env", "check", "--market", "hawkes", "--check-steps", "300", "--steps", "100");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("problems=0");
  }
}
