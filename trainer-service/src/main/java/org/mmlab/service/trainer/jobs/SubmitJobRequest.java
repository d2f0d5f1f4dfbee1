package org.mmlab.service.trainer.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.rl.training.TrainingJob;
import org.mmlab.rl.training.TrainingSpec;

/**
 * A training job: the options of {@code ./mmlab train} in camel case; every field but {@code
 * savePath} is optional and defaults as on the command line. Cross-field and semantic checks
 * (market spec, reward name, latency specs, PPO ranges) come from the training library and answer
 * {@code INVALID_TRAINING_SPEC}.
 *
 * @param savePath bundle path relative to the models directory ({@code .zip} added when missing)
 * @param episodes episodes of training (default 1000)
 * @param market market spec (default zi)
 * @param steps decisions per episode (default 1000)
 * @param interval decision interval of simulated time (default 1s)
 * @param maxInventory inventory limit in lots (default 50)
 * @param latency order-entry latency spec (default 1ms)
 * @param mdLatency market-data latency spec (default 1ms)
 * @param makerFee maker fee rate (default 0)
 * @param takerFee taker fee rate (default 0)
 * @param reward reward function (default pnl-inventory, as ./mmlab train)
 * @param nEnvs parallel environments (default 1)
 * @param seed seed of everything (default 1)
 * @param initFrom bundle to fine-tune, relative to the models directory
 * @param learningRate default 3e-4
 * @param nSteps steps per environment per rollout (default 2048)
 * @param batchSize default 64
 * @param nEpochs default 10
 * @param gamma default 0.99
 * @param gaeLambda default 0.95
 * @param clipRange default 0.2
 * @param entCoef default 0.01
 * @param vfCoef default 0.5
 * @param maxGradNorm default 0.5
 * @param evalFreq evaluate every this many timesteps (default 50000)
 * @param evalEpisodes held-out episodes per evaluation (default 5)
 * @param patience evaluations without improvement before stopping; 0 never (default 0)
 * @param predictorPath predictor bundle relative to the models directory: its score becomes the
 *     14th observation ({@code --use-predictor --predictor-path}); null for none
 * @param runner where it trains: {@code local} (default; this process, one job at a time) or {@code
 *     kubernetes} (a batch/v1 Job of its own, when {@code mmlab.trainer.kubernetes.enabled})
 */
@Schema(description = "A training job; only savePath is required.")
public record SubmitJobRequest(
    @NotBlank String savePath,
    @Positive Long episodes,
    String market,
    @Positive Integer steps,
    String interval,
    @Positive Long maxInventory,
    String latency,
    String mdLatency,
    Double makerFee,
    Double takerFee,
    String reward,
    @Min(1) @Max(64) Integer nEnvs,
    @Min(0) Long seed,
    String initFrom,
    @Positive Double learningRate,
    @Positive Integer nSteps,
    @Positive Integer batchSize,
    @Positive Integer nEpochs,
    @DecimalMin("0") Double gamma,
    @DecimalMin("0") Double gaeLambda,
    @Positive Double clipRange,
    @DecimalMin("0") Double entCoef,
    @DecimalMin("0") Double vfCoef,
    @Positive Double maxGradNorm,
    @Positive Long evalFreq,
    @Positive Integer evalEpisodes,
    @Min(0) Integer patience,
    String predictorPath,
    @Pattern(regexp = "local|kubernetes", message = "must be local or kubernetes") String runner) {

  /**
   * Whether this job asks for the Kubernetes runner.
   *
   * @return true for {@code "runner": "kubernetes"}
   */
  public boolean onKubernetes() {
    return JobRunner.KUBERNETES.equals(runner);
  }

  /**
   * Resolves the paths against the models directory and checks the whole job, as {@code ./mmlab
   * train} does before it trains (the save directory is created).
   *
   * @param modelsDir the models directory (absolute, normalized)
   * @return the job, ready to run
   * @throws ProblemException PATH_OUTSIDE_MODELS_DIR or INVALID_TRAINING_SPEC, naming the field
   */
  public TrainingJob prepare(Path modelsDir) {
    Path save = inside(modelsDir, "savePath", savePath);
    Path init = initFrom == null ? null : inside(modelsDir, "initFrom", initFrom);
    if (init != null && !Files.isRegularFile(init)) {
      throw new ProblemException(
          ProblemCode.INVALID_TRAINING_SPEC, "--init-from: file not found: " + init);
    }
    Path predictor =
        predictorPath == null ? null : inside(modelsDir, "predictorPath", predictorPath);
    try {
      return TrainingJob.prepare(toSpec(save, init, predictor));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new ProblemException(ProblemCode.INVALID_TRAINING_SPEC, e.getMessage());
    }
  }

  /**
   * A path of this request inside the models directory.
   *
   * @param modelsDir the models directory (absolute, normalized)
   * @param field the field's name, for the message
   * @param value the relative path
   * @return the resolved path, strictly inside {@code modelsDir}
   * @throws ProblemException PATH_OUTSIDE_MODELS_DIR
   */
  public static Path inside(Path modelsDir, String field, String value) {
    try {
      Path p = modelsDir.resolve(value).normalize();
      if (p.startsWith(modelsDir) && !p.equals(modelsDir)) {
        return p;
      }
    } catch (InvalidPathException e) {
      // refused below
    }
    throw new ProblemException(
        ProblemCode.PATH_OUTSIDE_MODELS_DIR,
        field + " " + value + " is not a file inside the models directory " + modelsDir);
  }

  /**
   * The training spec, with the command-line defaults for missing fields.
   *
   * @param save the resolved bundle path
   * @param init the resolved bundle to fine-tune, or null
   * @param predictor the resolved predictor bundle, or null
   * @return the spec (not yet range-checked)
   */
  public TrainingSpec toSpec(Path save, Path init, Path predictor) {
    TrainingSpec.Builder b = TrainingSpec.builder(save).initFrom(init).predictorPath(predictor);
    if (episodes != null) {
      b.episodes(episodes);
    }
    if (market != null) {
      b.market(market);
    }
    if (steps != null) {
      b.steps(steps);
    }
    if (interval != null) {
      b.interval(interval);
    }
    if (maxInventory != null) {
      b.maxInventory(maxInventory);
    }
    if (latency != null) {
      b.latency(latency);
    }
    if (mdLatency != null) {
      b.mdLatency(mdLatency);
    }
    if (makerFee != null) {
      b.makerFee(makerFee);
    }
    if (takerFee != null) {
      b.takerFee(takerFee);
    }
    if (reward != null) {
      b.reward(reward);
    }
    if (nEnvs != null) {
      b.nEnvs(nEnvs);
    }
    if (seed != null) {
      b.seed(seed);
    }
    if (learningRate != null) {
      b.learningRate(learningRate);
    }
    if (nSteps != null) {
      b.nSteps(nSteps);
    }
    if (batchSize != null) {
      b.batchSize(batchSize);
    }
    if (nEpochs != null) {
      b.nEpochs(nEpochs);
    }
    if (gamma != null) {
      b.gamma(gamma);
    }
    if (gaeLambda != null) {
      b.gaeLambda(gaeLambda);
    }
    if (clipRange != null) {
      b.clipRange(clipRange);
    }
    if (entCoef != null) {
      b.entCoef(entCoef);
    }
    if (vfCoef != null) {
      b.vfCoef(vfCoef);
    }
    if (maxGradNorm != null) {
      b.maxGradNorm(maxGradNorm);
    }
    if (evalFreq != null) {
      b.evalFreq(evalFreq);
    }
    if (evalEpisodes != null) {
      b.evalEpisodes(evalEpisodes);
    }
    if (patience != null) {
      b.patience(patience);
    }
    return b.build();
  }
}
