package org.mmlab.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The samples of a Prometheus text exposition ({@code /actuator/prometheus}), with the two reads
 * the benchmarks need: sums over matching samples and quantiles from a histogram's buckets.
 */
public final class PrometheusText {

  /**
   * One sample line.
   *
   * @param name the metric name
   * @param labels its labels in order
   * @param value the value
   */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /**
   * A quantile read from cumulative buckets.
   *
   * @param seconds the interpolated value (the last finite bound when the rank falls in +Inf)
   * @param lowerBound the bucket's lower bound
   * @param upperBound the bucket's upper bound (+Inf possible)
   */
  public record Quantile(double seconds, double lowerBound, double upperBound) {}

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  /**
   * Parses an exposition; comment lines and malformed lines are skipped.
   *
   * @param text the body of {@code /actuator/prometheus}
   * @return the samples
   */
  public static PrometheusText parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      Sample s = parseLine(line.strip());
      if (s != null) {
        out.add(s);
      }
    }
    return new PrometheusText(out);
  }

  private static Sample parseLine(String line) {
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String name;
    Map<String, String> labels = new LinkedHashMap<>();
    int rest;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (i < line.length() && line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
          return null;
        }
        String key = line.substring(i, eq).strip();
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        while (j < line.length() && line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\' && j + 1 < line.length()) {
            char n = line.charAt(++j);
            v.append(n == 'n' ? '\n' : n);
          } else {
            v.append(c);
          }
          j++;
        }
        labels.put(key, v.toString());
        i = j + 1;
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        }
      }
      rest = i + 1;
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] parts = line.substring(Math.min(rest, line.length())).strip().split("\\s+");
    if (parts.length == 0 || parts[0].isEmpty()) {
      return null;
    }
    try {
      return new Sample(name, labels, parseValue(parts[0]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  /**
   * Every sample.
   *
   * @return the samples in exposition order
   */
  public List<Sample> samples() {
    return samples;
  }

  /**
   * The sum of a metric's samples whose labels pass a filter.
   *
   * @param name the metric name
   * @param labels the filter
   * @return the sum, NaN when no sample matches
   */
  public double sum(String name, Predicate<Map<String, String>> labels) {
    double sum = 0;
    boolean any = false;
    for (Sample s : samples) {
      if (s.name().equals(name) && labels.test(s.labels())) {
        sum += s.value();
        any = true;
      }
    }
    return any ? sum : Double.NaN;
  }

  /**
   * A histogram's cumulative bucket counts.
   *
   * @param name the histogram's base name (without {@code _bucket})
   * @param labels picks the series (matching series are added up)
   * @return upper bound ({@code le}) → cumulative count, ascending
   */
  public TreeMap<Double, Double> buckets(String name, Predicate<Map<String, String>> labels) {
    TreeMap<Double, Double> cumulative = new TreeMap<>();
    for (Sample s : samples) {
      if (s.name().equals(name + "_bucket")
          && s.labels().containsKey("le")
          && labels.test(s.labels())) {
        cumulative.merge(parseValue(s.labels().get("le")), s.value(), Double::sum);
      }
    }
    return cumulative;
  }

  /**
   * The observations between two readings of the same histogram.
   *
   * @param later the later buckets
   * @param earlier the earlier buckets (empty: from the start)
   * @return later minus earlier, bucket by bucket
   */
  public static TreeMap<Double, Double> minus(
      TreeMap<Double, Double> later, TreeMap<Double, Double> earlier) {
    TreeMap<Double, Double> d = new TreeMap<>();
    later.forEach((le, n) -> d.put(le, n - earlier.getOrDefault(le, 0.0)));
    return d;
  }

  /**
   * A quantile from cumulative buckets, interpolating linearly inside the bucket that holds the
   * rank (as Prometheus' {@code histogram_quantile} does).
   *
   * @param cumulative upper bound → cumulative count, ascending, the last one +Inf
   * @param q the quantile in [0, 1]
   * @return the quantile, or null when there are no observations
   */
  public static Quantile quantile(TreeMap<Double, Double> cumulative, double q) {
    if (cumulative.isEmpty()) {
      return null;
    }
    double total = cumulative.lastEntry().getValue();
    if (total <= 0) {
      return null;
    }
    double rank = q * total;
    double prevBound = 0;
    double prevCount = 0;
    for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
      if (b.getValue() >= rank && b.getValue() > prevCount) {
        double upper = b.getKey();
        if (Double.isInfinite(upper)) {
          return new Quantile(prevBound, prevBound, upper);
        }
        double frac = (rank - prevCount) / (b.getValue() - prevCount);
        return new Quantile(prevBound + (upper - prevBound) * frac, prevBound, upper);
      }
      prevBound = b.getKey();
      prevCount = b.getValue();
    }
    return new Quantile(prevBound, prevBound, Double.POSITIVE_INFINITY);
  }
}
