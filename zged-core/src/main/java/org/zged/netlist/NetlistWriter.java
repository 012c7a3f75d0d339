package org.zged.netlist;

import java.util.Locale;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * Writes a circuit as a SPICE netlist that ngspice runs as is: a title line, the elements, a 1 V AC
 * source at VIN, an {@code .ac} sweep and {@code .end}. Values are written with every digit needed
 * to read back the same double.
 */
public final class NetlistWriter {
  private NetlistWriter() {}

  public static String write(Circuit circuit, AcSweep sweep) {
    StringBuilder sb = new StringBuilder();
    String title = circuit.title().isBlank() ? "zged circuit" : circuit.title().strip();
    sb.append("* ").append(title.replace('\n', ' ')).append('\n');
    sb.append("V1 ").append(Circuit.VIN).append(" 0 DC 0 AC 1\n");
    for (Element e : circuit.elements()) {
      sb.append(spiceName(e))
          .append(' ')
          .append(e.nodeA())
          .append(' ')
          .append(e.nodeB())
          .append(' ')
          .append(formatValue(e.value()))
          .append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            ".ac dec %d %s %s%n",
            sweep.pointsPerDecade(),
            formatValue(sweep.fStartHz()),
            formatValue(sweep.fStopHz())));
    sb.append(".end\n");
    return sb.toString();
  }

  public static String write(Circuit circuit) {
    return write(circuit, AcSweep.DEFAULT);
  }

  /**
   * The element's name as SPICE needs it: SPICE decides the kind from the first letter, so a name
   * that does not start with it (an R called "load", or "C5" for an inductor) gets the letter in
   * front, and whitespace inside a name becomes '_'. Names that are already right pass unchanged,
   * which keeps write → read exact for them.
   */
  static String spiceName(Element e) {
    String name = e.name().strip().replaceAll("\\s+", "_");
    if (name.isEmpty() || Character.toUpperCase(name.charAt(0)) != e.kind().letter()) {
      name = e.kind().letter() + name;
    }
    return name;
  }

  /** Shortest decimal that reads back as the same double, in a form SPICE accepts. */
  public static String formatValue(double v) {
    return Double.toString(v).replace('E', 'e');
  }
}
