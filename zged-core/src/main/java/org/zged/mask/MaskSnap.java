package org.zged.mask;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.fit.ESeries;

/**
 * E-series snapping of a ladder's inductors and capacitors (each to the nearest series value in
 * ratio terms), then the exact margins again. The terminations Rs and RL are the source and load,
 * not parts, and keep their values.
 */
public final class MaskSnap {
  private MaskSnap() {}

  public record Snapped(ESeries series, Circuit circuit, MaskMargins margins) {}

  public static Snapped snap(Circuit c, ESeries series, Mask mask) {
    List<Element> out = new ArrayList<>();
    for (Element e : c.elements()) {
      out.add(e.kind() == ElementKind.R ? e : e.withValue(series.nearest(e.value())));
    }
    Circuit snapped = c.withElements(out);
    return new Snapped(series, snapped, MaskVerifier.verify(mask, snapped));
  }
}
