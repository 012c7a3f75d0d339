package org.zged.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zged.circuit.Circuit;
import org.zged.dataset.FilterFamily;

class SchematicSvgTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyFamilyDrawsAsWellFormedSvgWithEveryElementAndNode() throws Exception {
    for (FilterFamily fam : FilterFamily.values()) {
      Circuit c = fam.sample(new SplittableRandom(1));
      Document d = parse(SchematicSvg.render(c));
      assertEquals("svg", d.getDocumentElement().getLocalName());
      Set<String> drawn = new HashSet<>();
      NodeList groups = d.getElementsByTagName("g");
      for (int i = 0; i < groups.getLength(); i++) {
        String name = ((Element) groups.item(i)).getAttribute("data-element");
        if (!name.isEmpty()) {
          drawn.add(name);
        }
      }
      Set<String> expected = new HashSet<>();
      c.elements().forEach(e -> expected.add(e.name()));
      assertEquals(expected, drawn, fam.id());
      Set<String> labels = new HashSet<>();
      NodeList texts = d.getElementsByTagName("text");
      for (int i = 0; i < texts.getLength(); i++) {
        labels.add(texts.item(i).getTextContent());
      }
      assertTrue(labels.containsAll(List.of("VIN", "VOUT", "GND")), fam.id() + " " + labels);
      c.internalNodes().forEach(n -> assertTrue(labels.contains(n), fam.id() + " " + n));
    }
  }

  @Test
  void symbolsFollowTheElementKind() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "n1", 1e3)
            .l("L1", "n1", "vout", 1e-3)
            .c("C1", "vout", "0", 1e-9)
            .build();
    String svg = SchematicSvg.render(c);
    String r = svg.substring(svg.indexOf("data-element=\"R1\""));
    String l = svg.substring(svg.indexOf("data-element=\"L1\""));
    String cap = svg.substring(svg.indexOf("data-element=\"C1\""));
    assertTrue(r.substring(0, r.indexOf("</g>")).contains("l8 16 l8 -16"), "zig-zag");
    assertTrue(l.substring(0, l.indexOf("</g>")).contains("a6 6 0 0 1 12 0"), "coil");
    assertTrue(cap.substring(0, cap.indexOf("</g>")).contains("V14"), "plates");
    assertTrue(svg.contains(">1 kΩ<") && svg.contains(">1 mH<") && svg.contains(">1 nF<"), svg);
  }

  @Test
  void rowOrderRunsFromVinToVout() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "a", 1)
            .r("R2", "b", "vout", 1)
            .r("R3", "a", "b", 1)
            .r("R4", "vout", "0", 1)
            .build();
    assertEquals(List.of("vin", "a", "b", "vout"), SchematicSvg.rowOrder(c));
  }
}
