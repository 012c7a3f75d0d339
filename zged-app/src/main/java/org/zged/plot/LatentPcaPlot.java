package org.zged.plot;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.zged.eval.Pca;

/**
 * The latent space in 2-D: one scatter panel per latent group (e.g. topology, values, transfer
 * function), each the PCA projection of that group's μ, points coloured by label (filter family). A
 * 2-D group is drawn as PCA too, so all panels are centred and rotated the same way.
 */
public final class LatentPcaPlot {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf), new Color(0x393b79), new Color(0xad494a),
    new Color(0x637939), new Color(0x8c6d31)
  };

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Wide enough for the plot and a vertical legend of up to a dozen family names. */
  static final int PANEL_WIDTH = 760;

  /** One panel: a title and the points of one latent group. */
  public record Panel(String title, double[][] points) {}

  private LatentPcaPlot() {}

  /**
   * @param panels one per latent group, all with the same number of points
   * @param labels a label index per point
   * @param labelNames the name of each label index (legend)
   */
  public static byte[] png(List<Panel> panels, int[] labels, List<String> labelNames) {
    List<XYChart> charts = new ArrayList<>();
    for (Panel p : panels) {
      charts.add(chart(p, labels, labelNames));
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XYChart chart(Panel p, int[] labels, List<String> labelNames) {
    Pca pca = Pca.fit(p.points(), Math.min(2, p.points()[0].length));
    double[][] xy = pca.project(p.points());
    double[] ratio = pca.explainedVarianceRatio();
    XYChart chart =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(520)
            .title(p.title())
            .xAxisTitle(String.format(Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * ratio[0]))
            .yAxisTitle(
                ratio.length > 1
                    ? String.format(Locale.ROOT, "PC2 (%.0f%% of variance)", 100 * ratio[1])
                    : "0")
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(5);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    for (int l = 0; l < labelNames.size(); l++) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == l) {
          x.add(xy[i][0]);
          y.add(xy[i].length > 1 ? xy[i][1] : 0.0);
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      XYSeries s = chart.addSeries(labelNames.get(l), x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(PALETTE[l % PALETTE.length]);
    }
    return chart;
  }
}
