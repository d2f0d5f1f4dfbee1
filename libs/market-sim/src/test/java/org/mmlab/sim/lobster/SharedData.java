package org.mmlab.sim.lobster;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data ({@code -Dmmlab.shared.data}, set by surefire) in place. */
final class SharedData {
  static final String PROPERTY = "mmlab.shared.data";

  private SharedData() {}

  /** The LOBSTER archive {@code LOBSTER_SampleFile_<name>.zip}, e.g. {@code AMZN_2012-06-21_5}. */
  static Path lobster(String name) {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + PROPERTY
              + " is not set: run the tests through Maven (surefire sets it to the absolute path of"
              + " ../shared/data) or pass -D"
              + PROPERTY
              + "=/path/to/shared/data");
    }
    Path zip = Path.of(dir, "lobster", "LOBSTER_SampleFile_" + name + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          "shared LOBSTER data not found: " + zip + " (" + PROPERTY + "=" + dir + ")");
    }
    return zip;
  }
}
