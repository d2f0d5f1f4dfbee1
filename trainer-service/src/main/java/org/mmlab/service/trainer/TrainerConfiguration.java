package org.mmlab.service.trainer;

import io.micrometer.core.instrument.MeterRegistry;
import org.mmlab.service.trainer.jobs.JobService;
import org.mmlab.service.trainer.models.ModelStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain classes of the service. */
@Configuration(proxyBeanMethods = false)
class TrainerConfiguration {

  @Bean(destroyMethod = "close")
  JobService jobService(TrainerProperties properties, MeterRegistry registry) {
    return new JobService(properties.modelsDir(), properties.maxFinishedJobs(), registry);
  }

  @Bean
  ModelStore modelStore(TrainerProperties properties) {
    return new ModelStore(properties.modelsDir());
  }
}
