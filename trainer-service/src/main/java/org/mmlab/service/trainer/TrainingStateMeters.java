package org.mmlab.service.trainer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.mmlab.service.trainer.jobs.JobService;
import org.mmlab.service.trainer.jobs.JobState;
import org.mmlab.service.trainer.jobs.JobView;
import org.springframework.stereotype.Component;

/**
 * {@code mmlab_training_jobs{state=...}}: this service's jobs per state. Together with {@code
 * mmlab_training_timesteps} it tells a stalled job (running, timesteps flat) from a finished one
 * (whose timesteps gauge stays flat too), which the "training stalled" alert needs.
 */
@Component
final class TrainingStateMeters {

  TrainingStateMeters(JobService jobs, MeterRegistry registry) {
    for (JobState state : JobState.values()) {
      Gauge.builder("mmlab.training.jobs", jobs, j -> count(j, state))
          .description("Training jobs of this service by state")
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  private static double count(JobService jobs, JobState state) {
    int n = 0;
    for (JobView v : jobs.list()) {
      if (v.state() == state) {
        n++;
      }
    }
    return n;
  }
}
