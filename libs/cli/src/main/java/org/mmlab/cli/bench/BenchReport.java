package org.mmlab.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmlab.cli.JsonOutput;

/** A bench command's result: rows for the table and one JSON object with the same figures. */
final class BenchReport {
  private final String title;
  private final List<String[]> rows = new ArrayList<>();
  private final Map<String, Object> json = new LinkedHashMap<>();

  BenchReport(String title) {
    this.title = title;
    json.put("benchmark", title);
  }

  /** Adds a table row. */
  BenchReport row(String what, String figure) {
    rows.add(new String[] {what, figure});
    return this;
  }

  /** Adds a JSON field. */
  BenchReport put(String key, Object value) {
    json.put(key, value);
    return this;
  }

  Map<String, Object> json() {
    return json;
  }

  /** Prints the table or the JSON object. */
  void print(PrintWriter out, VenueOptions.Format format) {
    if (format == VenueOptions.Format.json) {
      out.println(JsonOutput.write(json));
      out.flush();
      return;
    }
    int w = "what".length();
    int v = "figure".length();
    for (String[] r : rows) {
      w = Math.max(w, r[0].length());
      v = Math.max(v, r[1].length());
    }
    out.println();
    out.println(title);
    out.printf("| %-" + w + "s | %-" + v + "s |%n", "what", "figure");
    out.println("|" + "-".repeat(w + 2) + "|" + "-".repeat(v + 2) + "|");
    for (String[] r : rows) {
      out.printf("| %-" + w + "s | %-" + v + "s |%n", r[0], r[1]);
    }
    out.flush();
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
  }
}
