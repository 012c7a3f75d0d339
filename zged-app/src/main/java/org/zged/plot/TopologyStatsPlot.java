package org.zged.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.zged.dataset.TopologyStats;

/**
 * Four bar charts of a dataset's distinct canonical topologies: by node count, element count, order
 * (number of poles) and response class, side by side in one PNG.
 */
public final class TopologyStatsPlot {
  private static final int W = 640;
  private static final int H = 400;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private TopologyStatsPlot() {}

  public static byte[] png(TopologyStats t) {
    List<BufferedImage> panels = new ArrayList<>();
    panels.add(panel("by node count (terminals included)", "nodes", t.byNodes()));
    panels.add(panel("by element count", "elements", t.byElements()));
    panels.add(panel("by order (number of poles)", "order", t.byOrder()));
    Map<String, Integer> classes = new java.util.LinkedHashMap<>();
    t.byClass().forEach((c, n) -> classes.put(c.label(), n));
    panels.add(panel("by response class", "class", classes));
    BufferedImage out = new BufferedImage(2 * W, 2 * H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 2 * W, 2 * H);
    for (int i = 0; i < panels.size(); i++) {
      g.drawImage(panels.get(i), (i % 2) * W, (i / 2) * H, null);
    }
    g.dispose();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(out, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <K> BufferedImage panel(String title, String axis, Map<K, Integer> counts) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(W)
            .height(H)
            .title("distinct topologies " + title)
            .xAxisTitle(axis)
            .yAxisTitle("topologies")
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4)});
    List<String> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    counts.forEach(
        (k, v) -> {
          x.add(String.valueOf(k));
          y.add(v);
        });
    if (x.isEmpty()) {
      x.add("-");
      y.add(0);
    }
    chart.addSeries("topologies", x, y);
    return BitmapEncoder.getBufferedImage(chart);
  }
}
