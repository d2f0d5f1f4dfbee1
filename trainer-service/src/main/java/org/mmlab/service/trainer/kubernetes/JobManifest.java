package org.mmlab.service.trainer.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the batch/v1 Job of a training run: the Job of {@code
 * k8s/overlays/training/train-job.yaml} with the run's own name, arguments and annotations. The pod
 * mounts the models claim, runs as the images' non-root user, is never restarted in place, and has
 * no API token (training does not call the API).
 */
final class JobManifest {
  /** The training container's name. */
  static final String CONTAINER = "trainer";

  /** The models volume's name in the pod. */
  static final String MODELS_VOLUME = "models";

  /** Labels of every training pod, as in the training overlay. */
  static final Map<String, String> LABELS =
      Map.of(
          "app.kubernetes.io/name", "mmlab-training",
          "app.kubernetes.io/component", "training",
          "app.kubernetes.io/part-of", "mmlab");

  /** The label that marks the runner's own Jobs (overlay Jobs do not have it). */
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** Its value. */
  static final String MANAGER = "trainer-service";

  private final KubernetesRunnerProperties properties;
  private final Map<String, Quantity> requests;
  private final Map<String, Quantity> limits;

  /**
   * Checks the resource quantities once.
   *
   * @param properties the runner's settings
   * @throws IllegalArgumentException naming the property that is not a quantity, or a request above
   *     its limit
   */
  JobManifest(KubernetesRunnerProperties properties) {
    this.properties = properties;
    Quantity cpuRequest = quantity("cpu-request", properties.cpuRequest());
    Quantity cpuLimit = quantity("cpu-limit", properties.cpuLimit());
    Quantity memoryRequest = quantity("memory-request", properties.memoryRequest());
    Quantity memoryLimit = quantity("memory-limit", properties.memoryLimit());
    atMost("cpu", cpuRequest, cpuLimit);
    atMost("memory", memoryRequest, memoryLimit);
    this.requests = Map.of("cpu", cpuRequest, "memory", memoryRequest);
    this.limits = Map.of("cpu", cpuLimit, "memory", memoryLimit);
  }

  /**
   * The Job.
   *
   * @param name its name (a DNS label)
   * @param namespace its namespace
   * @param args the container's arguments ({@link TrainArgs})
   * @param annotations what the runner reads back ({@code mmlab.org/...})
   * @return the Job, ready to create
   */
  Job build(String name, String namespace, List<String> args, Map<String, String> annotations) {
    Map<String, String> jobLabels = new LinkedHashMap<>(LABELS);
    jobLabels.put(MANAGED_BY, MANAGER);
    long uid = properties.runAsUser();
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(jobLabels)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(properties.backoffLimit())
        .withTtlSecondsAfterFinished(properties.ttlSecondsAfterFinished())
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(jobLabels)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withServiceAccountName(properties.serviceAccountName())
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(uid)
        .withRunAsGroup(uid)
        .withFsGroup(uid)
        .endSecurityContext()
        .addNewContainer()
        .withName(CONTAINER)
        .withImage(properties.image())
        .withImagePullPolicy(properties.imagePullPolicy())
        .withArgs(args)
        .withNewResources()
        .withRequests(requests)
        .withLimits(limits)
        .endResources()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .addNewVolumeMount()
        .withName(MODELS_VOLUME)
        .withMountPath(properties.modelsMountPath())
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName(MODELS_VOLUME)
        .withNewPersistentVolumeClaim()
        .withClaimName(properties.modelsClaim())
        .endPersistentVolumeClaim()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Quantity quantity(String property, String value) {
    try {
      Quantity q = new Quantity(value);
      if (q.getNumericalAmount().signum() <= 0) {
        throw new IllegalArgumentException("must be > 0");
      }
      return q;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "mmlab.trainer.kubernetes." + property + ": '" + value + "' is not a positive quantity");
    }
  }

  private static void atMost(String resource, Quantity request, Quantity limit) {
    BigDecimal r = request.getNumericalAmount();
    BigDecimal l = limit.getNumericalAmount();
    if (r.compareTo(l) > 0) {
      throw new IllegalArgumentException(
          "mmlab.trainer.kubernetes."
              + resource
              + "-request "
              + request
              + " is above "
              + resource
              + "-limit "
              + limit);
    }
  }
}
