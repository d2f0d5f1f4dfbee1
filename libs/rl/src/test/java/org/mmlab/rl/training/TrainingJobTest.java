package org.mmlab.rl.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.rl.policy.PolicyBundle;
import org.mmlab.rl.ppo.TrainingCallback;

class TrainingJobTest {

  static TrainingSpec.Builder tiny(Path save) {
    return TrainingSpec.builder(save)
        .episodes(4)
        .steps(50)
        .nSteps(64)
        .batchSize(32)
        .nEpochs(1)
        .evalFreq(100)
        .evalEpisodes(1)
        .seed(3);
  }

  @Test
  void trainsSavesAndReportsProgress(@TempDir Path dir) throws Exception {
    TrainingJob job = TrainingJob.prepare(tiny(dir.resolve("a")).build());
    assertThat(job.totalTimesteps()).isEqualTo(200);
    assertThat(job.bundlePath()).isEqualTo(dir.resolve("a.zip"));
    AtomicLong seen = new AtomicLong();
    TrainingJob.Result r =
        job.run(
            new TrainingCallback() {
              @Override
              public boolean onStep(long timesteps) {
                seen.set(job.timesteps());
                return true;
              }
            });
    assertThat(r.outcome()).isEqualTo(TrainingJob.Outcome.COMPLETED);
    assertThat(r.bundle()).isEqualTo(dir.resolve("a.zip"));
    assertThat(r.timesteps()).isGreaterThanOrEqualTo(200);
    assertThat(seen.get()).isPositive();
    assertThat(job.lastStats()).isNotNull();
    assertThat(Files.exists(dir.resolve("a_progress.csv"))).isTrue();
    assertThat(PolicyBundle.load(dir.resolve("a.zip")).metadata()).isNotNull();
    assertThatThrownBy(() -> job.run(null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void cancelStopsWithoutSaving(@TempDir Path dir) throws Exception {
    TrainingJob job = TrainingJob.prepare(tiny(dir.resolve("b")).episodes(1_000_000).build());
    TrainingJob.Result r =
        job.run(
            new TrainingCallback() {
              @Override
              public boolean onStep(long timesteps) {
                if (timesteps >= 10) {
                  job.cancel();
                }
                return true;
              }
            });
    assertThat(r.outcome()).isEqualTo(TrainingJob.Outcome.CANCELLED);
    assertThat(r.bundle()).isNull();
    assertThat(r.timesteps()).isLessThan(100);
    assertThat(Files.exists(dir.resolve("b.zip"))).isFalse();
  }

  @Test
  void badSpecsFailBeforeTraining(@TempDir Path dir) {
    Path save = dir.resolve("c");
    assertThatThrownBy(() -> TrainingJob.prepare(tiny(save).episodes(0).build()))
        .isInstanceOf(TrainingSpecException.class)
        .hasMessage("--episodes must be > 0, got 0");
    assertThatThrownBy(() -> TrainingJob.prepare(tiny(save).steps(0).build()))
        .hasMessage("--steps must be > 0, got 0");
    assertThatThrownBy(() -> TrainingJob.prepare(tiny(save).latency("fast").build()))
        .isInstanceOf(TrainingSpecException.class)
        .hasMessageStartingWith("--latency: ");
    assertThatThrownBy(() -> TrainingJob.prepare(tiny(save).learningRate(-1).build()))
        .isInstanceOf(TrainingSpecException.class)
        .hasMessageContaining("learningRate");
    assertThatThrownBy(() -> TrainingJob.prepare(tiny(save).market("moon").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown market");
    assertThatThrownBy(() -> TrainingJob.prepare(tiny(Path.of("/proc/mmlab/x")).build()))
        .hasMessageContaining("not writable");
    assertThat(dir.resolve("c.zip")).doesNotExist();
  }
}
