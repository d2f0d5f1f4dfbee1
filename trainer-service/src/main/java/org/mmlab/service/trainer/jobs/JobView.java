package org.mmlab.service.trainer.jobs;

import java.time.Instant;

/**
 * A training job's status and progress.
 *
 * @param id the job id
 * @param state where the job is
 * @param runner where it trains: {@code local} (this process) or {@code kubernetes} (a batch/v1
 *     Job, whose name is the id)
 * @param savePath the bundle it writes (for {@code kubernetes}, the path inside the training pod)
 * @param timesteps environment steps taken so far
 * @param totalTimesteps steps it trains for ({@code episodes × steps})
 * @param progress {@code timesteps / totalTimesteps}, 0 to 1
 * @param iteration rollouts done
 * @param episodeRewardMean {@code ep_rew_mean} of the last rollout; null before any episode ended
 * @param stepsPerSecond environment steps per second; null before the first rollout ended
 * @param bestEvalReward best mean evaluation reward; null before the job succeeded or if never
 *     evaluated
 * @param error why it failed; null otherwise
 * @param submittedAt when it was submitted
 * @param startedAt when it started running; null while queued
 * @param finishedAt when it ended; null while queued or running
 */
public record JobView(
    String id,
    JobState state,
    String runner,
    String savePath,
    long timesteps,
    long totalTimesteps,
    double progress,
    int iteration,
    Double episodeRewardMean,
    Double stepsPerSecond,
    Double bestEvalReward,
    String error,
    Instant submittedAt,
    Instant startedAt,
    Instant finishedAt) {}
