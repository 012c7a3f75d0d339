package org.zged.plot;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.zged.dataset.CircuitFamily;
import org.zged.dataset.DatasetStats;

/**
 * A dataset in the frequency–Q plane: one point per circuit (x = fc or f0, y = band Q or pole Q,
 * both log scales), coloured by family. Families without a Q — first-order filters and lossless LC
 * ones — are left out and named in the title rather than placed at a made-up Q.
 */
public final class DatasetScatterPlot {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf), new Color(0x393b79), new Color(0xad494a)
  };

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private DatasetScatterPlot() {}

  /** Families in the stats that have no (frequency, Q) point to draw. */
  public static List<String> omittedFamilies(DatasetStats stats) {
    List<String> out = new ArrayList<>();
    stats
        .families()
        .forEach(
            (f, s) -> {
              if (s.points().isEmpty()) {
                out.add(f.id());
              }
            });
    return out;
  }

  public static byte[] png(DatasetStats stats) {
    List<String> omitted = omittedFamilies(stats);
    XYChart chart =
        new XYChartBuilder()
            .width(1000)
            .height(640)
            .title(
                "fc or f0 vs Q"
                    + (omitted.isEmpty()
                        ? ""
                        : "  (no Q, not drawn: " + String.join(", ", omitted) + ")"))
            .xAxisTitle("fc (low/high-pass) or f0 (band) [Hz]")
            .yAxisTitle("Q (band filters) or pole Q (2nd-order low/high-pass)")
            .build();
    Styler.LegendPosition legend = Styler.LegendPosition.OutsideE;
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setLegendPosition(legend);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(12f));
    int drawn = 0;
    for (Map.Entry<CircuitFamily, DatasetStats.Family> e : stats.families().entrySet()) {
      List<double[]> points = e.getValue().points();
      if (points.isEmpty()) {
        continue;
      }
      double[] x = new double[points.size()];
      double[] y = new double[points.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = points.get(i)[0];
        y[i] = points.get(i)[1];
      }
      XYSeries s = chart.addSeries(e.getKey().id(), x, y);
      s.setMarker(SeriesMarkers.CIRCLE);
      // colours by drawn series, so the families on the plot get the most distinct ones
      s.setMarkerColor(PALETTE[drawn++ % PALETTE.length]);
    }
    if (drawn == 0) {
      // XChart cannot draw an empty log chart; one invisible point keeps the axes.
      XYSeries s = chart.addSeries("no family with a Q", new double[] {1}, new double[] {1});
      s.setMarker(SeriesMarkers.NONE);
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
