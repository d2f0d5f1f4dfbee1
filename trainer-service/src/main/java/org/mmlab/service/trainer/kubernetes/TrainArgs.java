package org.mmlab.service.trainer.kubernetes;

import java.util.ArrayList;
import java.util.List;
import org.mmlab.service.trainer.jobs.SubmitJobRequest;

/**
 * The one-shot command line ({@code train --save-path=... --episodes=... --no-progress}) for a job
 * request: every option the request sets, in the {@code --option=value} form so that no value is
 * read as an option or a picocli {@code @file}, with {@code $} doubled so that Kubernetes does not
 * expand {@code $(VAR)} in it.
 */
final class TrainArgs {
  private TrainArgs() {}

  /**
   * The container's arguments.
   *
   * @param request the job (already checked)
   * @param savePath the bundle's path inside the pod
   * @param initFrom the bundle to fine-tune, inside the pod, or null
   * @param predictorPath the predictor bundle, inside the pod, or null
   * @return {@code train}, the options, {@code --no-progress}
   */
  static List<String> of(
      SubmitJobRequest request, String savePath, String initFrom, String predictorPath) {
    List<String> args = new ArrayList<>();
    args.add("train");
    add(args, "--save-path", savePath);
    add(args, "--episodes", request.episodes());
    add(args, "--market", request.market());
    add(args, "--steps", request.steps());
    add(args, "--interval", request.interval());
    add(args, "--max-inventory", request.maxInventory());
    add(args, "--latency", request.latency());
    add(args, "--md-latency", request.mdLatency());
    add(args, "--maker-fee", request.makerFee());
    add(args, "--taker-fee", request.takerFee());
    add(args, "--reward", request.reward());
    add(args, "--n-envs", request.nEnvs());
    add(args, "--seed", request.seed());
    add(args, "--init-from", initFrom);
    add(args, "--learning-rate", request.learningRate());
    add(args, "--n-steps", request.nSteps());
    add(args, "--batch-size", request.batchSize());
    add(args, "--n-epochs", request.nEpochs());
    add(args, "--gamma", request.gamma());
    add(args, "--gae-lambda", request.gaeLambda());
    add(args, "--clip-range", request.clipRange());
    add(args, "--ent-coef", request.entCoef());
    add(args, "--vf-coef", request.vfCoef());
    add(args, "--max-grad-norm", request.maxGradNorm());
    add(args, "--eval-freq", request.evalFreq());
    add(args, "--eval-episodes", request.evalEpisodes());
    add(args, "--patience", request.patience());
    if (predictorPath != null) {
      args.add("--use-predictor");
      add(args, "--predictor-path", predictorPath);
    }
    args.add("--no-progress");
    return args;
  }

  private static void add(List<String> args, String option, Object value) {
    if (value != null) {
      // Double.toString and Long.toString read back exactly (picocli uses valueOf).
      args.add(option + "=" + value.toString().replace("$", "$$"));
    }
  }
}
