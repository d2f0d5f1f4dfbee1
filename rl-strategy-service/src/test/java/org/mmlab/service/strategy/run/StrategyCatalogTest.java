package org.mmlab.service.strategy.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.service.strategy.support.TinyBundle;
import org.mmlab.strategy.MutableMarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;

class StrategyCatalogTest {
  final StrategyCatalog catalog = new StrategyCatalog();

  static StartStrategyRequest request(String type, String modelPath, Map<String, Object> params) {
    return new StartStrategyRequest(type, modelPath, params, null);
  }

  static void assertProblem(StartStrategyRequest r, ProblemCode p) {
    assertThatThrownBy(() -> new StrategyCatalog().create(r))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(p));
  }

  @Test
  void theClassicMarketMakersStartWithTheirDefaultsOrGivenParameters() {
    assertThat(catalog.types())
        .contains("rl", "ensemble", "symmetric", "avellaneda-stoikov", "glft");
    Strategy s = catalog.create(request("symmetric", null, null));
    MutableMarketContext ctx =
        new MutableMarketContext().book(9_999, 5, 10_003, 5).feature(0, 10_001);
    QuoteDecision d = new QuoteDecision();
    s.decide(ctx, d);
    assertThat(d.bidSize()).isEqualTo(1);
    assertThat(d.bidPrice()).isLessThan(d.askPrice());
    Strategy wide =
        catalog.create(request("symmetric", null, Map.of("half_spread", 3, "size", "2")));
    wide.decide(ctx, d);
    assertThat(d.bidSize()).isEqualTo(2);
    assertThat(catalog.create(request("avellaneda-stoikov", null, null)).name())
        .isEqualTo("avellaneda-stoikov");
    assertThat(catalog.create(request("glft", null, Map.of())).name()).isEqualTo("glft");
  }

  @Test
  void badRequestsNameTheirProblem() {
    assertProblem(request("martingale", null, null), ProblemCode.UNKNOWN_STRATEGY_TYPE);
    assertProblem(request("rl", null, null), ProblemCode.MODEL_PATH_REQUIRED);
    assertProblem(request("rl", "/nonexistent/x.zip", null), ProblemCode.INVALID_BUNDLE);
    assertProblem(
        request("rl", "/nonexistent/x.zip", Map.of("deterministic", "maybe")),
        ProblemCode.INVALID_PARAMS);
    assertProblem(request("symmetric", null, Map.of("size", 0)), ProblemCode.INVALID_PARAMS);
  }

  @Test
  void aTrainedBundleLoadsAsAnRlStrategy(@TempDir Path dir) throws Exception {
    Path copy = TinyBundle.train(dir, "bundle.zip");
    Strategy s = catalog.create(request("rl", copy.toString(), Map.of("deterministic", true)));
    assertThat(s.name()).isNotBlank();
    Strategy e = catalog.create(request("ensemble", copy + "," + copy, Map.of()));
    assertThat(e.name()).isNotBlank();
  }
}
