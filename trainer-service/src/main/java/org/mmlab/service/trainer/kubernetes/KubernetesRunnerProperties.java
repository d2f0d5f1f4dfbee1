package org.mmlab.service.trainer.kubernetes;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mmlab.trainer.kubernetes.*}: the Kubernetes runner, which makes a job submitted with
 * {@code "runner": "kubernetes"} a batch/v1 Job running the one-shot mode. The defaults are those
 * of the Job in {@code k8s/overlays/training}.
 *
 * @param enabled whether the runner exists at all (default false: every job trains locally)
 * @param namespace where Jobs go; null for the client's namespace (in a pod: its own)
 * @param image the trainer image the Jobs run (its entrypoint runs trainer-service.jar)
 * @param imagePullPolicy Always, IfNotPresent or Never
 * @param modelsClaim the PersistentVolumeClaim of the models volume
 * @param modelsMountPath where the pods mount it; save paths are relative to it
 * @param cpuRequest the training container's CPU request (a Kubernetes quantity)
 * @param memoryRequest its memory request
 * @param cpuLimit its CPU limit
 * @param memoryLimit its memory limit
 * @param backoffLimit retries of a failed pod (default 0: a failed run is not repeated)
 * @param ttlSecondsAfterFinished how long a finished Job object stays (its files stay anyway)
 * @param runAsUser the pods' uid, gid and fsGroup (the images' user is 10001)
 * @param serviceAccountName the training pods' service account; null for the namespace default
 */
@Validated
@ConfigurationProperties("mmlab.trainer.kubernetes")
public record KubernetesRunnerProperties(
    @DefaultValue("false") boolean enabled,
    String namespace,
    @DefaultValue("mmlab/trainer-service:latest") @NotBlank String image,
    @DefaultValue("IfNotPresent") @Pattern(regexp = "Always|IfNotPresent|Never")
        String imagePullPolicy,
    @DefaultValue("mmlab-models") @NotBlank String modelsClaim,
    @DefaultValue("/models") @Pattern(regexp = "/[^$]*[^/$]", message = "must be absolute")
        String modelsMountPath,
    @DefaultValue("1") @NotBlank String cpuRequest,
    @DefaultValue("2Gi") @NotBlank String memoryRequest,
    @DefaultValue("2") @NotBlank String cpuLimit,
    @DefaultValue("3Gi") @NotBlank String memoryLimit,
    @DefaultValue("0") @Min(0) int backoffLimit,
    @DefaultValue("86400") @Min(0) int ttlSecondsAfterFinished,
    @DefaultValue("10001") @Min(1) long runAsUser,
    String serviceAccountName) {}
