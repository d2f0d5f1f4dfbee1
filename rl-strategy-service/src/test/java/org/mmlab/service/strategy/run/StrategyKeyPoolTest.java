package org.mmlab.service.strategy.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.service.strategy.StrategyProperties;

/**
 * The key pool of {@link StrategyService}: which key a start gets, when it is refused, and that
 * concurrent starts never share one. The venue is a closed port: the strategies connect in the
 * background and never decide (the interval is an hour), which is all the key bookkeeping needs.
 */
class StrategyKeyPoolTest {
  static final URI NOWHERE = URI.create("http://127.0.0.1:1");

  private final List<StrategyService> services = new ArrayList<>();

  static StrategyProperties properties(List<String> keys) {
    return new StrategyProperties(
        NOWHERE,
        NOWHERE,
        keys,
        Duration.ofHours(1),
        100,
        Duration.ofSeconds(1),
        Duration.ofSeconds(5));
  }

  StrategyService service(String... keys) {
    StrategyService s =
        new StrategyService(
            properties(List.of(keys)),
            new StrategyCatalog(),
            new StrategyMetrics(new SimpleMeterRegistry()));
    services.add(s);
    return s;
  }

  @AfterEach
  void closeServices() {
    services.forEach(StrategyService::close);
  }

  static StartStrategyRequest symmetric(String apiKey) {
    return new StartStrategyRequest("symmetric", null, null, apiKey);
  }

  static ProblemCode code(Runnable start) {
    try {
      start.run();
    } catch (ProblemException e) {
      return e.code();
    }
    throw new AssertionError("the start was not refused");
  }

  @Test
  void startsWithoutAKeyTakeTheFirstFreePoolKeyUntilThePoolIsExhausted() {
    StrategyService service = service("k1", "k2", "k3");
    StrategyView a = service.start(symmetric(null));
    StrategyView b = service.start(symmetric(" "));
    StrategyView c = service.start(symmetric(null));
    assertThat(List.of(a.keySlot(), b.keySlot(), c.keySlot())).containsExactly(1, 2, 3);

    assertThatThrownBy(() -> service.start(symmetric(null)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ProblemCode.API_KEY_POOL_EXHAUSTED);
              assertThat(e.code().status()).isEqualTo(409);
              assertThat(e.getMessage()).contains("all 3 keys").contains("stop one or pass apiKey");
            });

    // Stopping frees its key, and the next start takes it (the lowest free one).
    assertThat(service.stop(b.id()).state()).isEqualTo(StrategyState.STOPPED);
    assertThat(service.start(symmetric(null)).keySlot()).isEqualTo(2);
    service.stop(a.id());
    service.stop(c.id());
    assertThat(service.start(symmetric(null)).keySlot()).isEqualTo(1);
    assertThat(service.start(symmetric(null)).keySlot()).isEqualTo(3);
  }

  @Test
  void aNamedKeyInUseIsRefusedNamingTheStrategyThatHoldsIt() {
    StrategyService service = service("k1", "k2", "k3");
    StrategyView pooled = service.start(symmetric(null));
    assertThatThrownBy(() -> service.start(symmetric("k1")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ProblemCode.API_KEY_IN_USE);
              assertThat(e.code().status()).isEqualTo(409);
              assertThat(e.getMessage()).contains("'" + pooled.id() + "'");
              // The key is a credential: the problem names the holder, never the key.
              assertThat(e.getMessage()).doesNotContain("k1");
            });

    // A named pool key is held like a pooled one: the next start without a key skips it.
    StrategyView named = service.start(symmetric("k2"));
    assertThat(named.keySlot()).isEqualTo(2);
    assertThat(service.start(symmetric(null)).keySlot()).isEqualTo(3);

    // A key outside the pool has no slot, and is exclusive all the same.
    StrategyView outside = service.start(symmetric("own-key"));
    assertThat(outside.keySlot()).isNull();
    assertThat(code(() -> service.start(symmetric("own-key"))))
        .isEqualTo(ProblemCode.API_KEY_IN_USE);
    service.stop(outside.id());
    assertThat(service.start(symmetric("own-key")).state()).isNotEqualTo(StrategyState.STOPPED);
  }

  @Test
  void aStartThatFailsReleasesItsKey() {
    StrategyService service = service("only");
    assertThat(code(() -> service.start(new StartStrategyRequest("martingale", null, null, null))))
        .isEqualTo(ProblemCode.UNKNOWN_STRATEGY_TYPE);
    assertThat(code(() -> service.start(new StartStrategyRequest("rl", null, null, "only"))))
        .isEqualTo(ProblemCode.MODEL_PATH_REQUIRED);
    assertThat(service.start(symmetric(null)).keySlot()).isEqualTo(1);
    assertThat(code(() -> service.start(symmetric(null))))
        .isEqualTo(ProblemCode.API_KEY_POOL_EXHAUSTED);
    // A refused start does not show in the list.
    assertThat(service.list()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void concurrentStartsNeverShareAKey(long seed) throws Exception {
    StrategyService service = service("k1", "k2", "k3", "k4");
    Random random = new Random(seed);
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 5; round++) {
        // Some keys named, the rest from the pool: both paths race for the same keys.
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          requested.add(random.nextInt(3) == 0 ? "k" + (1 + random.nextInt(4)) : null);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StrategyView>> starts = new ArrayList<>();
        for (String key : requested) {
          starts.add(
              pool.submit(
                  () -> {
                    go.await();
                    return service.start(symmetric(key));
                  }));
        }
        go.countDown();
        List<StrategyView> started = new ArrayList<>();
        Set<Integer> slots = new HashSet<>();
        boolean exhausted = false;
        for (int i = 0; i < threads; i++) {
          String key = requested.get(i);
          try {
            StrategyView v = starts.get(i).get();
            started.add(v);
            assertThat(slots.add(v.keySlot())).as("slot %s given twice", v.keySlot()).isTrue();
            if (key != null) {
              assertThat(v.keySlot()).isEqualTo(slot(key));
            }
          } catch (ExecutionException e) {
            assertThat(e.getCause())
                .isInstanceOfSatisfying(
                    ProblemException.class,
                    p ->
                        assertThat(p.code())
                            .isEqualTo(
                                key == null
                                    ? ProblemCode.API_KEY_POOL_EXHAUSTED
                                    : ProblemCode.API_KEY_IN_USE));
            exhausted |= key == null;
          }
        }
        assertThat(slots).isSubsetOf(1, 2, 3, 4);
        // A named key was either taken by its start or refused because another start held it.
        for (String key : requested) {
          if (key != null) {
            assertThat(slots).contains(slot(key));
          }
        }
        // Nothing stops during a round: a start without a key is refused only when all four are
        // taken, and four or more such starts take all four between them.
        if (exhausted || requested.stream().filter(k -> k == null).count() >= 4) {
          assertThat(slots).containsExactlyInAnyOrder(1, 2, 3, 4);
        }
        for (StrategyView v : started) {
          service.stop(v.id());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static int slot(String key) {
    return Integer.parseInt(key.substring(1));
  }

  @Test
  void aPoolWithARepeatedOrBlankKeyIsRefusedWithoutShowingTheKey() {
    assertThatThrownBy(() -> service("k1", "k2", "k1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "mmlab.strategy.api-keys: key 3 repeats an earlier key (each strategy needs its own)");
    assertThatThrownBy(() -> service("k1", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mmlab.strategy.api-keys: key 2 is blank");
    assertThatThrownBy(() -> service())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mmlab.strategy.api-keys: at least one key is needed");
  }
}
