package org.mmlab.service.trainer.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mmlab.rl.policy.PolicyBundle;

/** The bundles ({@code *.zip}) in the models directory and its subdirectories. */
public final class ModelStore {
  private static final int MAX_DEPTH = 4;

  private final Path dir;

  /**
   * A store over a directory (which need not exist yet).
   *
   * @param dir the models directory
   */
  public ModelStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /**
   * Every bundle, by path, each loaded and checked ({@link PolicyBundle#load}).
   *
   * @return the bundles; empty when the directory does not exist
   */
  public List<ModelView> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> zips;
    try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
      zips =
          files
              .filter(p -> p.getFileName().toString().endsWith(".zip"))
              .filter(Files::isRegularFile)
              .sorted(Comparator.naturalOrder())
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ModelView> out = new ArrayList<>(zips.size());
    for (Path p : zips) {
      out.add(view(p));
    }
    return out;
  }

  private ModelView view(Path p) {
    long size;
    java.time.Instant modified;
    try {
      size = Files.size(p);
      modified = Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      size = -1;
      modified = null;
    }
    String rel = dir.relativize(p).toString();
    try {
      PolicyBundle bundle = PolicyBundle.load(p);
      return new ModelView(
          p.getFileName().toString(),
          rel,
          size,
          modified,
          PolicyBundle.json().valueToTree(bundle.metadata()),
          null);
    } catch (IOException | RuntimeException e) {
      return new ModelView(p.getFileName().toString(), rel, size, modified, null, e.getMessage());
    }
  }
}
