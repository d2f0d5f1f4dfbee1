package org.mmlab.strategy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mmlab.strategy.metrics.MetricsAggregate;

/**
 * Writes a self-contained HTML report: PNG charts rendered by XChart ({@link BitmapEncoder}) next
 * to an {@code index.html} that shows them and a table of metrics.
 *
 * <ul>
 *   <li>{@link #writeEpisode}: {@code equity.png}, {@code inventory.png} and {@code quotes.png}
 *       (mid with our bid and ask around it) for one run.
 *   <li>{@link #writeComparison}: {@code equity.png} and {@code inventory.png} with every run
 *       overlaid, one {@code quotes-<run>.png} per run, and a table with one column per run.
 * </ul>
 *
 * <p>Runs headless: the class sets {@code java.awt.headless=true} unless the property is already
 * set. Series longer than {@link #MAX_POINTS} are thinned by a regular stride for drawing only.
 */
public final class HtmlReportWriter {
  /** Equity chart file name. */
  public static final String EQUITY_PNG = "equity.png";

  /** Inventory chart file name. */
  public static final String INVENTORY_PNG = "inventory.png";

  /** Quotes chart file name of a single-run report. */
  public static final String QUOTES_PNG = "quotes.png";

  /** The report page. */
  public static final String INDEX_HTML = "index.html";

  /** Most points drawn per series. */
  public static final int MAX_POINTS = 4000;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final int width;
  private final int height;

  /** A writer with 900 × 360 pixel charts. */
  public HtmlReportWriter() {
    this(900, 360);
  }

  /**
   * A writer with a chart size.
   *
   * @param width chart width in pixels, 200..4000
   * @param height chart height in pixels, 150..4000
   */
  public HtmlReportWriter(int width, int height) {
    if (width < 200 || width > 4000) {
      throw new IllegalArgumentException("width must be in 200..4000, got " + width);
    }
    if (height < 150 || height > 4000) {
      throw new IllegalArgumentException("height must be in 150..4000, got " + height);
    }
    this.width = width;
    this.height = height;
  }

  /**
   * Chart width.
   *
   * @return pixels
   */
  public int width() {
    return width;
  }

  /**
   * Chart height.
   *
   * @return pixels
   */
  public int height() {
    return height;
  }

  /**
   * Writes a one-run report.
   *
   * @param dir output directory, created if missing
   * @param title page title
   * @param run the run
   * @return the path of {@code index.html}
   * @throws IOException when a file cannot be written
   */
  public Path writeEpisode(Path dir, String title, ReportRun run) throws IOException {
    Files.createDirectories(dir);
    List<ReportRun> runs = List.of(run);
    save(equityChart(runs), dir.resolve(EQUITY_PNG));
    save(inventoryChart(runs), dir.resolve(INVENTORY_PNG));
    save(quotesChart(run), dir.resolve(QUOTES_PNG));
    StringBuilder html = header(title);
    html.append("<h2>").append(escape(run.name())).append("</h2>\n");
    image(html, EQUITY_PNG, "Equity");
    image(html, INVENTORY_PNG, "Inventory");
    image(html, QUOTES_PNG, "Quotes around the mid");
    table(html, runs);
    html.append("</body>\n</html>\n");
    Path index = dir.resolve(INDEX_HTML);
    Files.writeString(index, html, StandardCharsets.UTF_8);
    return index;
  }

  /**
   * Writes a report comparing runs (strategies).
   *
   * @param dir output directory, created if missing
   * @param title page title
   * @param runs the runs, at least one, with distinct names
   * @return the path of {@code index.html}
   * @throws IOException when a file cannot be written
   */
  public Path writeComparison(Path dir, String title, List<ReportRun> runs) throws IOException {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to report");
    }
    Files.createDirectories(dir);
    save(equityChart(runs), dir.resolve(EQUITY_PNG));
    save(inventoryChart(runs), dir.resolve(INVENTORY_PNG));
    StringBuilder html = header(title);
    image(html, EQUITY_PNG, "Equity");
    image(html, INVENTORY_PNG, "Inventory");
    table(html, runs);
    Set<String> used = new HashSet<>();
    for (ReportRun run : runs) {
      String file = "quotes-" + slug(run.name(), used) + ".png";
      save(quotesChart(run), dir.resolve(file));
      image(html, file, "Quotes around the mid: " + run.name());
    }
    html.append("</body>\n</html>\n");
    Path index = dir.resolve(INDEX_HTML);
    Files.writeString(index, html, StandardCharsets.UTF_8);
    return index;
  }

  private XYChart equityChart(List<ReportRun> runs) {
    XYChart chart = chart("Equity", "ticks × lots");
    for (ReportRun run : runs) {
      line(chart, run.name(), run.series().times(), run.series().equities());
    }
    return chart;
  }

  private XYChart inventoryChart(List<ReportRun> runs) {
    XYChart chart = chart("Inventory", "lots");
    for (ReportRun run : runs) {
      line(chart, run.name(), run.series().times(), run.series().inventories());
    }
    return chart;
  }

  private XYChart quotesChart(ReportRun run) {
    XYChart chart = chart("Quotes: " + run.name(), "ticks");
    double[] t = run.series().times();
    line(chart, "mid", t, run.series().mids());
    line(chart, "bid", t, run.series().bids());
    line(chart, "ask", t, run.series().asks());
    return chart;
  }

  private XYChart chart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle("time (s)")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    chart.getStyler().setAntiAlias(true);
    return chart;
  }

  private static void line(XYChart chart, String name, double[] x, double[] y) {
    int n = x.length;
    double[] xs = x;
    double[] ys = y;
    if (n > MAX_POINTS) {
      int stride = (n + MAX_POINTS - 1) / MAX_POINTS;
      int m = (n + stride - 1) / stride;
      xs = new double[m];
      ys = new double[m];
      for (int i = 0; i < m; i++) {
        xs[i] = x[i * stride];
        ys[i] = y[i * stride];
      }
    }
    if (xs.length == 0) {
      // XChart rejects empty series; draw nothing but keep the legend entry.
      xs = new double[] {0.0};
      ys = new double[] {Double.NaN};
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setMarker(SeriesMarkers.NONE);
  }

  private static void save(XYChart chart, Path file) throws IOException {
    Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
  }

  private StringBuilder header(String title) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}\n")
        .append("th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}\n")
        .append("th:first-child,td:first-child{text-align:left}\n")
        .append("thead th{background:#f2f2f2}\nimg{display:block;margin:1em 0}\n")
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    return html;
  }

  private void image(StringBuilder html, String file, String alt) {
    html.append("<img src=\"")
        .append(escape(file))
        .append("\" alt=\"")
        .append(escape(alt))
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\">\n");
  }

  private static void table(StringBuilder html, List<ReportRun> runs) {
    Set<String> keys = new LinkedHashSet<>();
    for (ReportRun run : runs) {
      keys.addAll(run.metrics().keySet());
    }
    html.append("<table>\n<thead><tr><th>metric</th>");
    for (ReportRun run : runs) {
      html.append("<th>").append(escape(run.name())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (String key : keys) {
      html.append("<tr><td>").append(escape(key)).append("</td>");
      for (ReportRun run : runs) {
        html.append("<td>").append(escape(format(run.metrics().get(key)))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  static String format(Object v) {
    if (v == null) {
      return "—";
    }
    if (v instanceof MetricsAggregate.Stat s) {
      return format(s.mean()) + " ± " + format(s.stdErr());
    }
    if (v instanceof Double || v instanceof Float) {
      return format(((Number) v).doubleValue());
    }
    return String.valueOf(v);
  }

  private static String format(double d) {
    if (!Double.isFinite(d)) {
      return "—";
    }
    double a = Math.abs(d);
    if (a != 0 && (a >= 1e6 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.4g", d);
    }
    return String.format(Locale.ROOT, "%.4f", d);
  }

  private static String slug(String name, Set<String> used) {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    base = base.replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "run";
    }
    String s = base;
    for (int i = 2; !used.add(s); i++) {
      s = base + "-" + i;
    }
    return s;
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
