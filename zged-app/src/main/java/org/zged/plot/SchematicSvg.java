package org.zged.plot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.circuit.NodeOrder;
import org.zged.fit.Units;

/**
 * Draws a filter circuit as a standalone SVG schematic with resistor (zig-zag), capacitor (two
 * plates) and inductor (coil) symbols, node labels, the AC source at VIN and the ground rail. Used
 * by {@code zged generate --svg} and by the web page.
 *
 * <p>Layout: the non-ground nodes sit on a row, VIN left, VOUT right, internal nodes between them
 * in breadth-first order from VIN; an element between neighbouring nodes of the row is drawn on the
 * row; an element to ground hangs from its node down to the ground rail (several side by side); any
 * other element (parallel to another, or skipping nodes) bridges over the row on its own lane.
 */
public final class SchematicSvg {
  private static final int STEP = 180;
  private static final int LEFT = 170;
  private static final int ROW_Y = 0;
  private static final int GROUND_Y = 170;
  private static final int LANE = 60;
  private static final int SHUNT_STEP = 95;
  private static final int SYMBOL = 56;
  private static final int SOURCE_X = 80;

  private final StringBuilder body = new StringBuilder();
  private int minY = ROW_Y - 40;
  private int maxX = 0;

  private SchematicSvg() {}

  /** The SVG document for {@code c} (UTF-8 text, no external resources). */
  public static String render(Circuit c) {
    return new SchematicSvg().draw(c);
  }

  private String draw(Circuit c) {
    List<String> row = rowOrder(c);
    Map<String, Integer> shuntCount = new HashMap<>();
    for (Element e : c.elements()) {
      if (e.touches(Circuit.GND)) {
        shuntCount.merge(e.nodeA().equals(Circuit.GND) ? e.nodeB() : e.nodeA(), 1, Integer::sum);
      }
    }
    // A node with several elements to ground gets a wider slot so they hang side by side.
    Map<String, Integer> x = new HashMap<>();
    Map<String, Integer> right = new HashMap<>();
    int pos = LEFT;
    for (String n : row) {
      x.put(n, pos);
      int extra = SHUNT_STEP * Math.max(0, shuntCount.getOrDefault(n, 0) - 1);
      right.put(n, pos + extra);
      pos += STEP + extra;
    }
    maxX = right.get(row.get(row.size() - 1));
    Map<String, Integer> shuntsDrawn = new HashMap<>();
    Map<String, Boolean> onRow = new HashMap<>();
    int lanes = 0;
    int groundMin = SOURCE_X;
    int groundMax = SOURCE_X;
    for (Element e : c.elements()) {
      String a = e.nodeA();
      String b = e.nodeB();
      if (e.touches(Circuit.GND)) {
        String n = a.equals(Circuit.GND) ? b : a;
        int k = shuntsDrawn.merge(n, 1, Integer::sum) - 1;
        int xs = x.get(n) + SHUNT_STEP * k;
        if (k > 0) {
          wire(xs - SHUNT_STEP, ROW_Y, xs, ROW_Y);
        }
        dot(xs, ROW_Y);
        element(e, xs, ROW_Y, xs, GROUND_Y);
        groundMax = Math.max(groundMax, xs);
        continue;
      }
      boolean aFirst = row.indexOf(a) < row.indexOf(b);
      String left = aFirst ? a : b;
      String rightNode = aFirst ? b : a;
      boolean neighbours = row.indexOf(rightNode) - row.indexOf(left) == 1;
      if (neighbours && onRow.putIfAbsent(left, true) == null) {
        element(e, right.get(left), ROW_Y, x.get(rightNode), ROW_Y);
      } else {
        lanes++;
        int y = ROW_Y - LANE * lanes;
        minY = Math.min(minY, y - 40);
        int xa = x.get(left);
        int xb = right.get(rightNode);
        wire(xa, ROW_Y, xa, y);
        wire(xb, y, xb, ROW_Y);
        element(e, xa, y, xb, y);
        dot(xa, ROW_Y);
        dot(xb, ROW_Y);
      }
    }
    source(groundMin);
    wire(groundMin, GROUND_Y, groundMax, GROUND_Y);
    groundSymbol((groundMin + groundMax) / 2);
    for (String n : row) {
      label(n, x.get(n), right.get(n));
    }
    int width = maxX + 110;
    int height = GROUND_Y + 60 - minY;
    return String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"zged-schematic\" viewBox=\"0 %d %d %d\""
                + " width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">%n",
            minY,
            width,
            height,
            width,
            height)
        + "<rect x=\"0\" y=\""
        + minY
        + "\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        + "<g stroke=\"black\" stroke-width=\"2\" fill=\"none\" stroke-linecap=\"round\""
        + " stroke-linejoin=\"round\">\n"
        + body
        + "</g>\n</svg>\n";
  }

  /** VIN first, VOUT last, internal nodes between them; see {@link NodeOrder#row}. */
  public static List<String> rowOrder(Circuit c) {
    return NodeOrder.row(c);
  }

  /** An element from (x1, y1) to (x2, y2), horizontal or vertical, with its symbol centred. */
  private void element(Element e, int x1, int y1, int x2, int y2) {
    int len = Math.abs(x2 - x1) + Math.abs(y2 - y1);
    boolean vertical = x1 == x2;
    int lead = (len - SYMBOL) / 2;
    String transform =
        vertical
            ? String.format(Locale.ROOT, "translate(%d,%d) rotate(90)", x1, Math.min(y1, y2))
            : String.format(Locale.ROOT, "translate(%d,%d)", Math.min(x1, x2), y1);
    body.append(
        String.format(
            Locale.ROOT,
            "<g data-element=\"%s\" transform=\"%s\"><path d=\"M0 0 H%d %s M%d 0 H%d\"/></g>%n",
            escape(e.name()),
            transform,
            lead,
            symbol(e.kind(), lead),
            lead + SYMBOL,
            len));
    int cx = vertical ? x1 + 18 : (x1 + x2) / 2;
    int cy = vertical ? (y1 + y2) / 2 - 4 : y1 - 31;
    String anchor = vertical ? "start" : "middle";
    text(cx, cy, anchor, "bold", e.name());
    text(cx, cy + 15, anchor, "normal", Units.value(e.value(), e.kind()));
    minY = Math.min(minY, cy - 20);
  }

  /** The symbol's path in local coordinates, from x = lead to x = lead + SYMBOL along y = 0. */
  private static String symbol(ElementKind kind, int lead) {
    int s = lead;
    return switch (kind) {
      case R ->
          String.format(Locale.ROOT, "M%d 0 l4 -8 l8 16 l8 -16 l8 16 l8 -16 l8 16 l8 -16 l4 8", s);
      case C ->
          String.format(
              Locale.ROOT,
              "M%d 0 H%d M%d -14 V14 M%d -14 V14 M%d 0 H%d",
              s,
              s + 24,
              s + 24,
              s + 32,
              s + 32,
              s + SYMBOL);
      case L ->
          String.format(
              Locale.ROOT,
              "M%d 0 h4 a6 6 0 0 1 12 0 a6 6 0 0 1 12 0 a6 6 0 0 1 12 0 a6 6 0 0 1 12 0 h4",
              s);
    };
  }

  private void source(int xs) {
    body.append(
        String.format(
            Locale.ROOT,
            "<path d=\"M%d %d V%d M%d %d V%d M%d %d H%d\"/>%n",
            xs,
            ROW_Y,
            GROUND_Y / 2 - 18,
            xs,
            GROUND_Y / 2 + 18,
            GROUND_Y,
            xs,
            ROW_Y,
            LEFT));
    body.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%d\" cy=\"%d\" r=\"18\"/><path d=\"M%d %d q6 -10 12 0 q6 10 12 0\"/>%n",
            xs,
            GROUND_Y / 2,
            xs - 12,
            GROUND_Y / 2));
    text(xs - 24, GROUND_Y / 2 + 4, "end", "normal", "1 V AC");
  }

  private void groundSymbol(int xg) {
    body.append(
        String.format(
            Locale.ROOT,
            "<path d=\"M%d %d V%d M%d %d H%d M%d %d H%d M%d %d H%d\"/>%n",
            xg,
            GROUND_Y,
            GROUND_Y + 12,
            xg - 16,
            GROUND_Y + 12,
            xg + 16,
            xg - 10,
            GROUND_Y + 18,
            xg + 10,
            xg - 4,
            GROUND_Y + 24,
            xg + 4));
    text(xg + 22, GROUND_Y + 22, "start", "normal", "GND");
  }

  private void label(String node, int xn, int xRight) {
    dot(xn, ROW_Y);
    String name = node.equals(Circuit.VIN) ? "VIN" : node.equals(Circuit.VOUT) ? "VOUT" : node;
    body.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" stroke=\"none\" fill=\"#1a4fa0\""
                + " font-weight=\"bold\" data-node=\"%s\">%s</text>%n",
            xn - 6,
            ROW_Y + 20,
            escape(node),
            escape(name)));
    if (node.equals(Circuit.VOUT)) {
      wire(xRight, ROW_Y, xRight + 60, ROW_Y);
      body.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"white\"/>%n",
              xRight + 64,
              ROW_Y));
      maxX = Math.max(maxX, xRight + 70);
    }
  }

  private void wire(int x1, int y1, int x2, int y2) {
    body.append(String.format(Locale.ROOT, "<path d=\"M%d %d L%d %d\"/>%n", x1, y1, x2, y2));
  }

  private void dot(int xd, int yd) {
    body.append(
        String.format(
            Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"black\"/>%n", xd, yd));
  }

  private void text(int xt, int yt, String anchor, String weight, String s) {
    body.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-weight=\"%s\" stroke=\"none\""
                + " fill=\"black\">%s</text>%n",
            xt,
            yt,
            anchor,
            weight,
            escape(s)));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
