package org.mmlab.strategy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.lob.Side;
import org.mmlab.strategy.metrics.EpisodeMetrics;
import org.mmlab.strategy.metrics.MetricsAggregate;
import org.mmlab.strategy.metrics.MetricsCollector;

class HtmlReportWriterTest {
  private static final long S = 1_000_000_000L;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static MetricsCollector run(double drift) {
    MetricsCollector m = new MetricsCollector();
    double mid = 1000;
    for (int i = 0; i < 300; i++) {
      mid += Math.sin(i / 10.0);
      long inventory = Math.round(5 * Math.sin(i / 25.0));
      m.onStep(i * S, mid, 2, drift * i + 3 * Math.cos(i / 7.0), inventory);
      boolean bid = i % 10 != 3; // some steps one-sided: NaN gaps in the quote chart
      m.onQuote(i * S, (long) mid - 2, bid ? 1 : 0, (long) mid + 2, 1);
      if (i % 7 == 0) {
        m.onFill(i * S + S / 2, Side.BID, (long) mid - 2, 1, mid);
      }
    }
    return m;
  }

  private static void assertPng(Path file, int width, int height) throws IOException {
    assertThat(file).exists();
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
  }

  @Test
  void writesAnEpisodeReport(@TempDir Path dir) throws IOException {
    MetricsCollector m = run(0.5);
    Path index =
        new HtmlReportWriter(640, 300)
            .writeEpisode(
                dir, "AS <backtest>", ReportRun.of("avellaneda-stoikov", m.series(), m.finish()));
    assertThat(index).isEqualTo(dir.resolve("index.html"));
    for (String png : List.of("equity.png", "inventory.png", "quotes.png")) {
      assertPng(dir.resolve(png), 640, 300);
    }
    String html = Files.readString(index);
    assertThat(html)
        .contains("src=\"equity.png\"", "src=\"inventory.png\"", "src=\"quotes.png\"")
        .contains("AS &lt;backtest&gt;")
        .contains("<td>pnl</td>", "<td>fill_rate</td>", "<td>twa_inventory</td>");
  }

  @Test
  void writesAComparisonReport(@TempDir Path tmp) throws IOException {
    // -Dmmlab.report.dir=... keeps the report for a look.
    Path dir = Path.of(System.getProperty("mmlab.report.dir", tmp.toString()));
    MetricsCollector a = run(0.5);
    MetricsCollector b = run(-0.2);
    EpisodeMetrics ea = a.finish();
    ReportRun first =
        ReportRun.of("symmetric", a.series(), MetricsAggregate.of(List.of(ea, ea, b.finish())));
    ReportRun second = ReportRun.of("glft / γ=0.1", b.series(), b.finish());
    Path index = new HtmlReportWriter().writeComparison(dir, "Comparison", List.of(first, second));
    assertPng(dir.resolve("equity.png"), 900, 360);
    assertPng(dir.resolve("inventory.png"), 900, 360);
    assertPng(dir.resolve("quotes-symmetric.png"), 900, 360);
    assertPng(dir.resolve("quotes-glft-0-1.png"), 900, 360);
    String html = Files.readString(index);
    assertThat(html)
        .contains("src=\"quotes-symmetric.png\"", "src=\"quotes-glft-0-1.png\"")
        .contains("<th>symmetric</th>", "<th>glft / γ=0.1</th>")
        .contains(" ± ");
  }

  @Test
  void formatsCells() {
    assertThat(HtmlReportWriter.format(null)).isEqualTo("—");
    assertThat(HtmlReportWriter.format(12L)).isEqualTo("12");
    assertThat(HtmlReportWriter.format(1.23456)).isEqualTo("1.2346");
    assertThat(HtmlReportWriter.format(new MetricsAggregate.Stat(2, 0.5, 3)))
        .isEqualTo("2.0000 ± 0.5000");
  }
}
