package org.mmlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where benchmarks find the shared real data: {@code -Dmmlab.shared.data=DIR} or ../shared/data.
 */
final class BenchData {
  private BenchData() {}

  static Path root() {
    Path dir = Path.of(System.getProperty("mmlab.shared.data", "../shared/data"));
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "shared data not found at "
              + dir.toAbsolutePath()
              + "; run from the project root or pass -Dmmlab.shared.data=DIR");
    }
    return dir;
  }

  static String lobster(String zip) {
    return root().resolve("lobster").resolve(zip).toString();
  }
}
