package org.mmlab.cli.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the soak's heap curve: each service's heap used over time (a line) and its live heap after
 * each full GC (dots), in MiB, as a PNG.
 */
public final class HeapChart {
  private HeapChart() {}

  private static String shortName(String service) {
    return service.endsWith("-service") ? service.substring(0, service.length() - 8) : service;
  }

  /**
   * Writes the chart.
   *
   * @param samples the heap samples
   * @param title the chart's title
   * @param png the file
   * @throws IOException if it cannot be written
   */
  public static void write(List<HeapSampler.Sample> samples, String title, Path png)
      throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    XYChart chart =
        new XYChartBuilder()
            .width(1100)
            .height(520)
            .title(title)
            .xAxisTitle("minutes")
            .yAxisTitle("heap MiB")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    chart.getStyler().setAntiAlias(true);
    Map<String, List<HeapSampler.Sample>> by = new LinkedHashMap<>();
    for (HeapSampler.Sample s : samples) {
      by.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s);
    }
    Color[] colors = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
    };
    int c = 0;
    int series = 0;
    for (Map.Entry<String, List<HeapSampler.Sample>> e : by.entrySet()) {
      Color color = colors[c++ % colors.length];
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> gx = new ArrayList<>();
      List<Double> gy = new ArrayList<>();
      for (HeapSampler.Sample s : e.getValue()) {
        if (Double.isNaN(s.heapUsed())) {
          continue;
        }
        x.add(s.seconds() / 60);
        y.add(s.heapUsed() / HeapSampler.MIB);
        if (s.afterGc()) {
          gx.add(s.seconds() / 60);
          gy.add(s.level() / HeapSampler.MIB);
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      series++;
      XYSeries used = chart.addSeries(shortName(e.getKey()) + " heap used", x, y);
      used.setMarker(SeriesMarkers.NONE);
      used.setLineColor(color);
      if (!gx.isEmpty()) {
        XYSeries gc = chart.addSeries(shortName(e.getKey()) + " live after full GC", gx, gy);
        gc.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        gc.setMarker(SeriesMarkers.CIRCLE);
        gc.setMarkerColor(color.darker());
      }
    }
    if (series == 0) {
      throw new IOException("no heap samples to draw");
    }
    if (png.toAbsolutePath().getParent() != null) {
      Files.createDirectories(png.toAbsolutePath().getParent());
    }
    Files.write(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
  }
}
