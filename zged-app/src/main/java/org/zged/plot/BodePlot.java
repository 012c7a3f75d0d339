package org.zged.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.zged.analysis.FrequencyResponse;

/**
 * A Bode plot as a PNG: magnitude (dB) above phase (degrees), both over a logarithmic frequency
 * axis, one or more responses, and optional marked frequencies (a cutoff, a notch, a target).
 *
 * <pre>{@code
 * byte[] png = BodePlot.builder()
 *     .setResponse("H(s)", response)
 *     .optOverlay("target", targetResponse)
 *     .optMarker(fcHz, "fc")
 *     .optTitle("rc_lowpass")
 *     .build()
 *     .toPng();
 * }</pre>
 *
 * <p>Rendering runs headless and is thread-safe (each call draws its own charts).
 */
public final class BodePlot {
  /** Magnitudes more than this far below the peak are cut off so the passband stays readable. */
  private static final double MAGNITUDE_RANGE_DB = 160;

  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
  };

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** A response to draw with its legend label. */
  public record Curve(String label, FrequencyResponse response) {}

  /** A frequency to mark with a vertical line and a label. */
  public record Marker(double frequencyHz, String label) {}

  /**
   * A horizontal mask limit on the magnitude panel: |H| in dB over [fromHz, toHz] (a passband's
   * floor or a stopband's ceiling).
   */
  public record Limit(String label, double fromHz, double toHz, double magnitudeDb) {}

  private final String title;
  private final List<Curve> curves;
  private final List<Marker> markers;
  private final List<Limit> limits;
  private final int width;
  private final int height;

  private BodePlot(Builder b) {
    this.title = b.title;
    this.curves = List.copyOf(b.curves);
    this.markers = List.copyOf(b.markers);
    this.limits = List.copyOf(b.limits);
    this.width = b.width;
    this.height = b.height;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The plot as one image: magnitude panel on top of the phase panel. */
  public BufferedImage toImage() {
    int top = height / 2;
    XYChart magnitude = panel(title, "|H| (dB)", top, FrequencyResponse::magnitudeDb);
    decorateMagnitude(magnitude);
    drawLimits(magnitude);
    XYChart phase = panel(null, "phase (°)", height - top, r -> unwrap(r.phaseDeg()));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(BitmapEncoder.getBufferedImage(magnitude), 0, 0, null);
      g.drawImage(BitmapEncoder.getBufferedImage(phase), 0, top, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  public byte[] toPng() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(toImage(), "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private XYChart panel(
      String chartTitle,
      String yTitle,
      int panelHeight,
      Function<FrequencyResponse, double[]> values) {
    XYChart chart = new XYChart(width, panelHeight);
    if (chartTitle != null && !chartTitle.isBlank()) {
      chart.setTitle(chartTitle);
    }
    chart.setXAxisTitle("frequency (Hz)");
    chart.setYAxisTitle(yTitle);
    var st = chart.getStyler();
    st.setXAxisLogarithmic(true);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotGridLinesColor(new Color(0xdddddd));
    st.setLegendVisible(curves.size() > 1);
    st.setLegendPosition(Styler.LegendPosition.InsideSW);
    st.setMarkerSize(0);
    // A tick formatting function would make XChart lay the axis out linearly; a pattern keeps log.
    st.setXAxisDecimalPattern("0E0");
    for (int i = 0; i < curves.size(); i++) {
      Curve c = curves.get(i);
      double[][] xy = finitePoints(c.response().frequencyHz(), values.apply(c.response()));
      XYSeries s = chart.addSeries(c.label(), xy[0], xy[1]);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(COLORS[i % COLORS.length]);
      s.setLineWidth(i == 0 ? 2f : 1.5f);
      if (i > 0) {
        s.setLineStyle(
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      }
    }
    for (Marker m : markers) {
      chart.addAnnotation(new AnnotationLine(m.frequencyHz(), true, false));
    }
    return chart;
  }

  /** The mask limits as thick grey segments (one legend entry per distinct label). */
  private void drawLimits(XYChart chart) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < limits.size(); i++) {
      Limit l = limits.get(i);
      String name = seen.add(l.label()) ? l.label() : l.label() + " " + (i + 1);
      XYSeries s =
          chart.addSeries(
              name,
              new double[] {l.fromHz(), l.toHz()},
              new double[] {l.magnitudeDb(), l.magnitudeDb()});
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(new Color(0x555555));
      s.setLineWidth(3f);
      s.setShowInLegend(false);
    }
  }

  /**
   * Phase without the ±180° wrap-around jumps, so a 5th-order low-pass falls smoothly to −450°
   * instead of saw-toothing. A step of exactly 180° (a zero on the jω axis) is kept: it is real.
   */
  static double[] unwrap(double[] phaseDeg) {
    double[] out = phaseDeg.clone();
    double offset = 0;
    double previous = Double.NaN;
    for (int i = 0; i < out.length; i++) {
      double p = phaseDeg[i];
      if (!Double.isFinite(p)) {
        continue;
      }
      if (Double.isFinite(previous)) {
        double step = p - previous;
        if (step > 180) {
          offset -= 360;
        } else if (step < -180) {
          offset += 360;
        }
      }
      previous = p;
      out[i] = p + offset;
    }
    return out;
  }

  /**
   * Cuts the magnitude axis at {@link #MAGNITUDE_RANGE_DB} below the highest finite value and puts
   * the marker labels along its top.
   */
  private void decorateMagnitude(XYChart chart) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (Curve c : curves) {
      for (double v : c.response().magnitudeDb()) {
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
          min = Math.min(min, v);
        }
      }
    }
    if (max - min > MAGNITUDE_RANGE_DB) {
      chart.getStyler().setYAxisMin(max - MAGNITUDE_RANGE_DB);
    }
    // Labels sit at the top of the magnitude panel with their left edge just right of their line:
    // AnnotationText centres on x, so shift by half the text width (about 3.6 px a character) plus
    // a small gap, converted to a frequency factor on the log axis over the plot's width.
    double labelY = Double.isFinite(max) ? max : 0;
    double decadesPerPixel = decadesShown() / Math.max(300, width - 120);
    for (Marker m : markers) {
      if (m.label() != null && !m.label().isBlank()) {
        double pixels = 6 + 3.6 * m.label().length();
        double x = m.frequencyHz() * Math.pow(10, pixels * decadesPerPixel);
        chart.addAnnotation(new AnnotationText(m.label(), x, labelY, false));
      }
    }
  }

  private double decadesShown() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Curve c : curves) {
      double[] f = c.response().frequencyHz();
      lo = Math.min(lo, f[0]);
      hi = Math.max(hi, f[f.length - 1]);
    }
    return lo > 0 && hi > lo ? Math.log10(hi / lo) : 1;
  }

  /**
   * Drops points where the value is not finite (|H| = 0 at an exact notch gives −∞ dB, an undamped
   * resonance +∞) and, on the magnitude axis, where the frequency is not positive.
   */
  private static double[][] finitePoints(double[] f, double[] y) {
    List<double[]> kept = new ArrayList<>(f.length);
    for (int i = 0; i < f.length; i++) {
      if (f[i] > 0 && Double.isFinite(f[i]) && Double.isFinite(y[i])) {
        kept.add(new double[] {f[i], y[i]});
      }
    }
    double[][] out = new double[2][kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      out[0][i] = kept.get(i)[0];
      out[1][i] = kept.get(i)[1];
    }
    return out;
  }

  /** Builds a {@link BodePlot}; {@link #setResponse} is required. */
  public static final class Builder {
    private final List<Curve> curves = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<Limit> limits = new ArrayList<>();
    private String title = "";
    private int width = 900;
    private int height = 700;
    private boolean hasMain;

    private Builder() {}

    /** The response to plot (required); drawn first, solid. */
    public Builder setResponse(String label, FrequencyResponse response) {
      if (hasMain) {
        throw new IllegalStateException("setResponse was already called; use optOverlay");
      }
      curves.add(0, new Curve(label, checked(response)));
      hasMain = true;
      return this;
    }

    /** Another response drawn dashed over the main one (e.g. a target or a rounded design). */
    public Builder optOverlay(String label, FrequencyResponse response) {
      curves.add(new Curve(label, checked(response)));
      return this;
    }

    /** Marks a frequency (Hz) with a vertical line in both panels and a label on top. */
    public Builder optMarker(double frequencyHz, String label) {
      if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
        throw new IllegalArgumentException("marker frequency must be finite and > 0");
      }
      markers.add(new Marker(frequencyHz, label));
      return this;
    }

    /** Draws a mask limit: |H| = magnitudeDb over [fromHz, toHz] on the magnitude panel. */
    public Builder optLimit(String label, double fromHz, double toHz, double magnitudeDb) {
      if (!(fromHz > 0 && toHz > fromHz)
          || !Double.isFinite(toHz)
          || !Double.isFinite(magnitudeDb)) {
        throw new IllegalArgumentException("a mask limit needs 0 < from < to, finite");
      }
      limits.add(new Limit(label, fromHz, toHz, magnitudeDb));
      return this;
    }

    public Builder optTitle(String title) {
      this.title = title == null ? "" : title;
      return this;
    }

    /** Image size in pixels (default 900 × 700). */
    public Builder optSize(int width, int height) {
      if (width < 200 || height < 200 || width > 8000 || height > 8000) {
        throw new IllegalArgumentException("plot size must be between 200 and 8000 pixels");
      }
      this.width = width;
      this.height = height;
      return this;
    }

    public BodePlot build() {
      if (!hasMain) {
        throw new IllegalStateException("setResponse is required");
      }
      return new BodePlot(this);
    }

    private static FrequencyResponse checked(FrequencyResponse r) {
      if (r.size() < 2) {
        throw new IllegalArgumentException("a Bode plot needs at least 2 frequencies");
      }
      return r;
    }
  }
}
