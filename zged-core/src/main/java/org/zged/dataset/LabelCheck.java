package org.zged.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;

/**
 * Checks a record's labels against a fresh exact analysis of its circuit. Files hold labels with 12
 * significant digits, so agreement is required to 1e-9 relative (of the largest root for poles and
 * zeros, so that a zero at the origin compares sensibly).
 */
final class LabelCheck {
  static final double TOLERANCE = 1e-9;

  private LabelCheck() {}

  /** Null when the labels are the circuit's, else the first disagreement in one line. */
  static String problem(CircuitRecord r) {
    Analysis a = CircuitAnalyzer.analyze(r.circuit());
    String p = roots("poles", r.poles(), a.poles());
    if (p == null) {
      p = roots("zeros", r.zeros(), a.zeros());
    }
    if (p == null && !close(r.gain(), a.gain())) {
      p = "gain " + r.gain() + " is not the circuit's " + a.gain();
    }
    if (p == null) {
      p = specs(r.specs(), a.specs());
    }
    return p;
  }

  private static String roots(String what, List<Complex> file, List<Complex> exact) {
    if (file.size() != exact.size()) {
      return what + ": " + file.size() + " in the file, the circuit has " + exact.size();
    }
    double scale = 0;
    for (Complex z : exact) {
      scale = Math.max(scale, z.norm());
    }
    double tol = TOLERANCE * scale;
    List<Complex> left = new ArrayList<>(exact);
    for (Complex z : file) {
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int i = 0; i < left.size(); i++) {
        double d = z.subtract(left.get(i)).norm();
        if (d < bestDistance) {
          bestDistance = d;
          best = i;
        }
      }
      if (bestDistance > tol) {
        return what + ": " + format(z) + " is not a root of the circuit's transfer function";
      }
      left.remove(best);
    }
    return null;
  }

  private static String specs(FilterSpecs file, FilterSpecs exact) {
    if (file.responseClass() != exact.responseClass()) {
      return "response_class "
          + file.responseClass().label()
          + " is not the circuit's "
          + exact.responseClass().label();
    }
    for (SpecField f : SpecField.values()) {
      Double x = finiteOrNull(f.get(file));
      Double y = finiteOrNull(f.get(exact));
      if (!(Objects.equals(x, y) || (x != null && y != null && close(x, y)))) {
        return "specs." + f.key() + " " + x + " is not the circuit's " + y;
      }
    }
    if (file.lossless() != exact.lossless()) {
      return "specs.lossless " + file.lossless() + " is not the circuit's " + exact.lossless();
    }
    return null;
  }

  private static Double finiteOrNull(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private static boolean close(double x, double y) {
    return Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  }

  private static String format(Complex z) {
    return "[" + z.getReal() + ", " + z.getImaginary() + "]";
  }
}
