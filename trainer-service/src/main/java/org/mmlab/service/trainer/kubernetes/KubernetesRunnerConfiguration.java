package org.mmlab.service.trainer.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.mmlab.service.trainer.TrainerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kubernetes runner, only with {@code mmlab.trainer.kubernetes.enabled=true}: otherwise no
 * client is made and every job trains in this process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "mmlab.trainer.kubernetes", name = "enabled", havingValue = "true")
class KubernetesRunnerConfiguration {

  /** In a pod: its service account and namespace; elsewhere: the kubeconfig's context. */
  @Bean(destroyMethod = "close")
  KubernetesClient kubernetesClient() {
    return new KubernetesClientBuilder().build();
  }

  @Bean
  KubernetesJobRunner kubernetesJobRunner(
      KubernetesClient client, KubernetesRunnerProperties properties, TrainerProperties trainer) {
    return new KubernetesJobRunner(client, properties, trainer.modelsDir());
  }
}
