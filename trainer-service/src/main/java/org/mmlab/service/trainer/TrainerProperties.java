package org.mmlab.service.trainer;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mmlab.trainer.*}: where bundles go.
 *
 * @param modelsDir the model store: jobs save here (save paths are relative to it and may not leave
 *     it) and {@code GET /api/v1/models} lists its bundles
 * @param maxFinishedJobs finished jobs kept for {@code GET /api/v1/jobs}; older ones are forgotten
 */
@Validated
@ConfigurationProperties("mmlab.trainer")
public record TrainerProperties(
    @DefaultValue("models") @NotNull Path modelsDir,
    @DefaultValue("100") @Min(1) int maxFinishedJobs) {}
