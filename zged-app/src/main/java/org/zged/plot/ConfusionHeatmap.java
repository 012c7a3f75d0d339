package org.zged.plot;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.zged.circuit.EdgeClass;

/**
 * The 8×8 joint edge-class confusion matrix as a PNG heat map: rows are the true class, columns the
 * decoded class, each cell coloured by its share of the true class (row-normalised, in %) and
 * labelled with that share, so rare classes are as readable as the dominant "no edge".
 */
public final class ConfusionHeatmap {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ConfusionHeatmap() {}

  /**
   * @param confusion [true class][decoded class] counts, {@link EdgeClass} ordinals
   */
  public static byte[] png(long[][] confusion, String title) {
    List<String> names = Arrays.stream(EdgeClass.values()).map(EdgeClass::name).toList();
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(720)
            .height(620)
            .title(title)
            .xAxisTitle("decoded class")
            .yAxisTitle("true class")
            .build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setHeatMapValueDecimalPattern("#0");
    chart
        .getStyler()
        .setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(100);
    chart
        .getStyler()
        .setRangeColors(new Color[] {Color.WHITE, new Color(0x9ecae1), new Color(0x08519c)});
    chart.getStyler().setValueFontColor(Color.BLACK);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    List<Number[]> cells = new ArrayList<>();
    // XChart draws y index 0 at the bottom: put the first class (NONE) on top like a matrix.
    int n = names.size();
    for (int t = 0; t < n; t++) {
      long row = Arrays.stream(confusion[t]).sum();
      for (int d = 0; d < n; d++) {
        double share = row == 0 ? 0 : 100.0 * confusion[t][d] / row;
        cells.add(new Number[] {d, n - 1 - t, share});
      }
    }
    List<String> yNames = new ArrayList<>(names);
    java.util.Collections.reverse(yNames);
    chart.addSeries("% of true class", names, yNames, cells);
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
