package org.mmlab.cli.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by processes between two readings ({@link ProcessHandle.Info#totalCpuDuration()}):
 * the services started here and the load generator itself, to tell what a request costs each.
 */
final class CpuMeter {
  private final Map<String, Long> pids;
  private final Map<String, Long> start = new LinkedHashMap<>();

  /**
   * Starts measuring.
   *
   * @param pids name → process id (the current process is added as {@code load generator})
   */
  CpuMeter(Map<String, Long> pids) {
    Map<String, Long> all = new LinkedHashMap<>(pids);
    all.put("load generator", ProcessHandle.current().pid());
    this.pids = all;
    all.forEach((name, pid) -> start.put(name, cpuNanos(pid)));
  }

  /**
   * CPU used since the start.
   *
   * @return name → CPU seconds (processes whose CPU time the OS does not tell are left out)
   */
  Map<String, Double> secondsSinceStart() {
    Map<String, Double> out = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) -> {
          long now = cpuNanos(pid);
          long then = start.get(name);
          if (now >= 0 && then >= 0) {
            out.put(name, (now - then) / 1e9);
          }
        });
    return out;
  }

  private static long cpuNanos(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().totalCpuDuration())
        .map(Duration::toNanos)
        .orElse(-1L);
  }
}
