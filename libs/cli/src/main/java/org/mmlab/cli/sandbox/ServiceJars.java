package org.mmlab.cli.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mmlab.cli.UserInputException;

/** Finds the services' Boot jars for the commands that start them (sandbox, bench, soak). */
public final class ServiceJars {
  private ServiceJars() {}

  /**
   * The jar of a module: in {@code jarDir} when given, else in {@code MODULE/target/} of the
   * working directory or the nearest parent that has it (so the commands work from any folder of
   * the checkout).
   *
   * @param jarDir directory holding {@code MODULE.jar}, or null
   * @param module the service module, e.g. {@code market-data-service}
   * @param buildHint the command that builds the missing jar, for the message
   * @param alternatives what else the user can pass instead, for the message
   * @return the jar's absolute path
   * @throws UserInputException when the jar is not there, naming where it was looked for
   */
  public static Path locate(Path jarDir, String module, String buildHint, String alternatives) {
    String file = module + ".jar";
    if (jarDir != null) {
      Path p = jarDir.resolve(file).toAbsolutePath();
      if (!Files.isRegularFile(p)) {
        throw new UserInputException("missing " + p + "; build it with " + buildHint);
      }
      return p;
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path dir = cwd; dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(module).resolve("target").resolve(file);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new UserInputException(
        "missing "
            + Path.of(module, "target", file)
            + " (looked from "
            + cwd
            + " upwards); build it with "
            + buildHint
            + ", or pass "
            + alternatives);
  }
}
