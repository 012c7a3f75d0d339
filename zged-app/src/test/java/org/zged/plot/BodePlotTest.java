package org.zged.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.zged.analysis.FrequencyResponse;

class BodePlotTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** First-order low-pass with fc = 1 kHz, written out by hand. */
  private static FrequencyResponse lowpass(double fc) {
    double[] f = FrequencyResponse.logGrid(10, 1e6, 50);
    double[] db = new double[f.length];
    double[] ph = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      double x = f[i] / fc;
      db[i] = -10 * Math.log10(1 + x * x);
      ph[i] = -Math.toDegrees(Math.atan(x));
    }
    return new FrequencyResponse(f, db, ph);
  }

  @Test
  void pngHasTheRequestedSizeAndDrawsBothPanels() throws Exception {
    byte[] png =
        BodePlot.builder()
            .setResponse("H", lowpass(1e3))
            .optOverlay("target", lowpass(2e3))
            .optMarker(1e3, "fc = 1 kHz")
            .optTitle("test")
            .optSize(800, 600)
            .build()
            .toPng();
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(800, img.getWidth());
    assertEquals(600, img.getHeight());
    // Both halves contain the blue curve colour: something was drawn in each panel.
    assertTrue(countColour(img, 0x1f77b4, 0, 300) > 200, "curve in the magnitude panel");
    assertTrue(countColour(img, 0x1f77b4, 300, 600) > 200, "curve in the phase panel");
    assertTrue(countColour(img, 0xd62728, 0, 600) > 100, "overlay drawn");
  }

  @Test
  void infiniteValuesAreSkippedNotFatal() {
    FrequencyResponse r = lowpass(1e3);
    r.magnitudeDb()[10] = Double.POSITIVE_INFINITY;
    r.magnitudeDb()[20] = Double.NEGATIVE_INFINITY;
    r.phaseDeg()[30] = Double.NaN;
    byte[] png = BodePlot.builder().setResponse("H", r).build().toPng();
    assertTrue(png.length > 10_000, "a real image, " + png.length + " bytes");
  }

  @Test
  void phaseIsUnwrappedButARealHalfTurnStays() {
    assertArrayEquals(
        new double[] {-170, -190, -200, -350, -370},
        BodePlot.unwrap(new double[] {-170, 170, 160, 10, -10}),
        1e-12);
    assertArrayEquals(
        new double[] {90, 80, -100, -90}, BodePlot.unwrap(new double[] {90, 80, -100, -90}), 1e-12);
    assertArrayEquals(
        new double[] {170, Double.NaN, 190},
        BodePlot.unwrap(new double[] {170, Double.NaN, -170}),
        1e-12);
  }

  @Test
  void builderRequiresAResponseAndSaneArguments() {
    assertThrows(IllegalStateException.class, () -> BodePlot.builder().build());
    assertThrows(IllegalArgumentException.class, () -> BodePlot.builder().optMarker(-1, "x"));
    assertThrows(IllegalArgumentException.class, () -> BodePlot.builder().optSize(10, 10));
  }

  private static int countColour(BufferedImage img, int rgb, int y0, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
