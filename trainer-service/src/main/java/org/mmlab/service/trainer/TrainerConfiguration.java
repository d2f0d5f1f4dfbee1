package org.mmlab.service.trainer;

import io.micrometer.core.instrument.MeterRegistry;
import org.mmlab.service.trainer.jobs.JobService;
import org.mmlab.service.trainer.jobs.TrainingJobs;
import org.mmlab.service.trainer.kubernetes.KubernetesJobRunner;
import org.mmlab.service.trainer.models.ModelStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain classes of the service. */
@Configuration(proxyBeanMethods = false)
class TrainerConfiguration {

  @Bean(destroyMethod = "close")
  JobService jobService(TrainerProperties properties, MeterRegistry registry) {
    return new JobService(properties.modelsDir(), properties.maxFinishedJobs(), registry);
  }

  /** The job API's entry: local jobs, and Kubernetes ones when that runner is enabled. */
  @Bean
  TrainingJobs trainingJobs(JobService jobService, ObjectProvider<KubernetesJobRunner> kubernetes) {
    return new TrainingJobs(jobService, kubernetes.getIfAvailable());
  }

  @Bean
  ModelStore modelStore(TrainerProperties properties) {
    return new ModelStore(properties.modelsDir());
  }
}
