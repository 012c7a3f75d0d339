package org.zged.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class EvaluationPlotsTest {

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void confusionHeatmapIsAPngWithColouredCells() throws IOException {
    long[][] m = new long[8][8];
    for (int i = 0; i < 8; i++) {
      m[i][i] = 10;
    }
    m[1][2] = 5;
    BufferedImage img = decode(ConfusionHeatmap.png(m, "confusion"));
    assertEquals(720, img.getWidth());
    assertEquals(620, img.getHeight());
    // a perfect diagonal is drawn in the darkest colour, so the image is not blank
    assertNotEquals(0, countNonWhite(img));
  }

  @Test
  void latentPlotHasOnePanelPerGroup() throws IOException {
    double[][] a = {{0, 0}, {1, 1}, {5, 5}, {6, 6}};
    double[][] b = {{0, 0, 1, 2}, {1, 0, 3, 1}, {2, 2, 2, 2}, {0, 1, 0, 1}};
    int[] labels = {0, 0, 1, 1};
    byte[] png =
        LatentPcaPlot.png(
            List.of(new LatentPcaPlot.Panel("topology", a), new LatentPcaPlot.Panel("tf", b)),
            labels,
            List.of("rc_lowpass", "rc_highpass"));
    BufferedImage img = decode(png);
    assertEquals(2 * LatentPcaPlot.PANEL_WIDTH, img.getWidth());
    assertEquals(520, img.getHeight());
  }

  @Test
  void lossCurvesLayOutUpToThreePanelsPerRow() throws IOException {
    Map<String, double[]> train = new LinkedHashMap<>();
    Map<String, double[]> val = new LinkedHashMap<>();
    for (String t : List.of("total", "edge", "value", "kl")) {
      train.put(t, new double[] {3, 2, 1.5, 1.2});
      val.put(t, new double[] {3.5, 2.5, 2, 1.9});
    }
    BufferedImage img = decode(LossCurvePlot.png(new LossCurvePlot.Curves(train, val), "exp"));
    assertEquals(3 * 420, img.getWidth());
    assertEquals(2 * 320, img.getHeight());
  }

  private static long countNonWhite(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
          n++;
        }
      }
    }
    return n;
  }
}
