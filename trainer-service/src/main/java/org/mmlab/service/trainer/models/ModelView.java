package org.mmlab.service.trainer.models;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A bundle in the model store.
 *
 * @param name the file name, e.g. {@code rl_mm_agent.zip}
 * @param path its path relative to the models directory (usable as a job's {@code initFrom})
 * @param sizeBytes file size
 * @param modifiedAt last modification
 * @param metadata the bundle's {@code metadata.json} (format version, features, action space,
 *     hyperparameters, market, seed, training summary); null when the bundle does not load
 * @param error why the bundle does not load; null when it does
 */
public record ModelView(
    String name,
    String path,
    long sizeBytes,
    Instant modifiedAt,
    JsonNode metadata,
    String error) {}
