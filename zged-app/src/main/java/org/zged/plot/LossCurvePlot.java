package org.zged.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Training curves as a PNG: one panel per loss term (total first), train solid and validation
 * dashed, over epochs, on a log axis when every value is positive (losses span decades).
 */
public final class LossCurvePlot {
  private static final Color TRAIN = new Color(0x1f77b4);
  private static final Color VAL = new Color(0xd62728);

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private LossCurvePlot() {}

  /**
   * Per-term, per-epoch values. Terms keep insertion order; a term may be missing on one side.
   *
   * @param train term → value per epoch (epoch 1 first)
   * @param val term → value per epoch
   */
  public record Curves(Map<String, double[]> train, Map<String, double[]> val) {
    public Curves {
      train = new LinkedHashMap<>(train);
      val = new LinkedHashMap<>(val);
    }

    List<String> terms() {
      List<String> out = new ArrayList<>(train.keySet());
      for (String t : val.keySet()) {
        if (!out.contains(t)) {
          out.add(t);
        }
      }
      return out;
    }
  }

  public static byte[] png(Curves curves, String title) {
    List<XYChart> charts = new ArrayList<>();
    for (String term : curves.terms()) {
      charts.add(panel(title + ": " + term, curves.train().get(term), curves.val().get(term)));
    }
    int cols = Math.min(3, Math.max(1, charts.size()));
    int rows = (charts.size() + cols - 1) / cols;
    // pad the grid: XChart needs rows × cols charts
    while (charts.size() < rows * cols) {
      XYChart blank = new XYChartBuilder().width(420).height(320).build();
      blank.getStyler().setAxisTicksVisible(false);
      blank.getStyler().setLegendVisible(false);
      blank.getStyler().setPlotBorderVisible(false);
      blank.getStyler().setPlotGridLinesVisible(false);
      blank.getStyler().setChartBackgroundColor(Color.WHITE);
      blank.getStyler().setPlotBackgroundColor(Color.WHITE);
      charts.add(blank);
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      BitmapEncoder.saveBitmap(charts, rows, cols, out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XYChart panel(String title, double[] train, double[] val) {
    XYChart chart =
        new XYChartBuilder()
            .width(420)
            .height(320)
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle("loss")
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    boolean log = allPositive(train) && allPositive(val);
    chart.getStyler().setYAxisLogarithmic(log);
    // Over more than ~1.5 decades label only the decades, in scientific notation; intermediate
    // labels would overlap and round to 0.
    boolean wide = log && decades(train, val) > 1.5;
    chart.getStyler().setYAxisLogarithmicDecadeOnly(wide);
    chart.getStyler().setYAxisDecimalPattern(wide ? "0E0" : "0.###");
    chart.getStyler().setXAxisDecimalPattern("#");
    chart.getStyler().setXAxisTickMarkSpacingHint(60);
    add(chart, "train", train, TRAIN, new BasicStroke(2f));
    add(
        chart,
        "val",
        val,
        VAL,
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    return chart;
  }

  private static void add(XYChart chart, String name, double[] v, Color color, BasicStroke stroke) {
    if (v == null || v.length == 0) {
      return;
    }
    double[] epochs = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      epochs[i] = i + 1;
    }
    XYSeries s = chart.addSeries(name, epochs, v);
    s.setLineColor(color);
    s.setLineStyle(stroke);
    s.setMarker(v.length > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
  }

  /** log10(max / min) over the finite values of both series. */
  private static double decades(double[] a, double[] b) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double[] v : new double[][] {a, b}) {
      if (v == null) {
        continue;
      }
      for (double x : v) {
        if (x > 0 && Double.isFinite(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    return hi > 0 ? Math.log10(hi / lo) : 0;
  }

  private static boolean allPositive(double[] v) {
    if (v == null) {
      return true;
    }
    for (double x : v) {
      if (!(x > 0) || Double.isInfinite(x)) {
        return false;
      }
    }
    return true;
  }
}
