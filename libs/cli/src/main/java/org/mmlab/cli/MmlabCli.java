package org.mmlab.cli;

import java.io.PrintWriter;
import org.mmlab.cli.backtest.BacktestCommand;
import org.mmlab.cli.backtest.CompareCommand;
import org.mmlab.cli.data.DataCommand;
import org.mmlab.cli.env.EnvCommand;
import org.mmlab.cli.model.ModelCommand;
import org.mmlab.cli.paper.PaperCommand;
import org.mmlab.cli.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of {@code ./mmlab}: the picocli command tree.
 *
 * <p>Exit codes: 0 success, 1 the command ran and its check failed (for example mismatches found),
 * 2 bad input (usage errors, missing or malformed files, out-of-range options).
 */
@Command(
    name = "mmlab",
    mixinStandardHelpOptions = true,
    versionProvider = MmlabCli.Version.class,
    scope = ScopeType.INHERIT,
    description = "Reinforcement-learning market making on a limit order book.",
    subcommands = {
      org.mmlab.cli.quickstart.QuickstartCommand.class,
      DataCommand.class,
      TrainCommand.class,
      ModelCommand.class,
      BacktestCommand.class,
      CompareCommand.class,
      EnvCommand.class,
      PaperCommand.class,
      org.mmlab.cli.sandbox.SandboxCommand.class,
      org.mmlab.cli.bench.BenchCommand.class,
      org.mmlab.cli.bench.SoakCommand.class,
      org.mmlab.cli.predictor.PredictorCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab quickstart",
      "  ./mmlab data verify-lobster ../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_5.zip",
      "  ./mmlab train --episodes 1000 --save-path models/rl_mm_agent",
      "  ./mmlab backtest --strategy symmetric --market zi --episodes 5",
      "  ./mmlab compare --strategies symmetric,avellaneda-stoikov,glft --market zi",
      "  ./mmlab env check --market hawkes",
      "  ./mmlab paper avellaneda-stoikov"
    })
public final class MmlabCli implements Runnable {

  /** Exit code of a command whose own check failed. */
  public static final int EXIT_CHECK_FAILED = 1;

  /** Exit code of bad input: usage errors, unreadable or malformed files. */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // No subcommand: show what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the configured command line; tests use it to run commands in-process.
   *
   * @return the command line with mmlab's exception handling installed
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MmlabCli());
    // Wide enough for the examples' data paths on one line.
    cl.setUsageHelpWidth(120);
    cl.setExecutionExceptionHandler(MmlabCli::handleExecutionException);
    cl.setParameterExceptionHandler(MmlabCli::handleParameterException);
    return cl;
  }

  /**
   * Runs the CLI and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** A usage error is one line naming the problem and where help is, not the whole usage. */
  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    String path = cl.getCommandSpec().qualifiedName(" ").replaceFirst("^mmlab", "./mmlab");
    cl.getErr().println("error: " + ex.getMessage() + " (see " + path + " --help)");
    return EXIT_BAD_INPUT;
  }

  /** Bad input becomes one line on stderr and exit code 2, never a stack trace. */
  private static int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof UserInputException) {
      err.println("error: " + ex.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (ex instanceof java.nio.file.NoSuchFileException) {
      err.println("error: no such file: " + ex.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (ex instanceof java.io.IOException) {
      err.println("error: " + ex.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (ex instanceof IllegalArgumentException) {
      err.println("error: " + ex.getMessage());
      return EXIT_BAD_INPUT;
    }
    throw new IllegalStateException(ex);
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = MmlabCli.class.getPackage().getImplementationVersion();
      return new String[] {"mmlab " + (v == null ? "dev" : v)};
    }
  }
}
