package org.zged.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.graph.CanonicalForm;

/**
 * The random graphs of the open space as a dataset family: each draw of {@link RandomGraphs} is
 * stored in its canonical form (reduced, internal nodes n1, n2, ... in canonical order), so that no
 * record carries elements that do nothing and equal topologies look alike. Merged values are
 * rounded to {@link DecimalText#LABEL_DIGITS} digits, which the file holds exactly.
 */
public final class RandomFamily implements CircuitFamily {
  public static final String ID = "random";

  private final RandomGraphs graphs;

  public RandomFamily(RandomGraphs graphs) {
    this.graphs = graphs;
  }

  public static RandomFamily openSpace() {
    return new RandomFamily(RandomGraphs.openSpace());
  }

  public RandomGraphs graphs() {
    return graphs;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Circuit sample(SplittableRandom rng) {
    Circuit reduced = CanonicalForm.of(graphs.draw(rng)).reduced();
    List<Element> out = new ArrayList<>(reduced.elements().size());
    for (Element e : reduced.elements()) {
      out.add(e.withValue(DecimalText.round(e.value(), DecimalText.LABEL_DIGITS)));
    }
    return new Circuit(out);
  }

  @Override
  public ResponseClass expectedClass() {
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RandomFamily other
        && graphs.maxInternal() == other.graphs.maxInternal()
        && graphs.minElements() == other.graphs.minElements()
        && graphs.maxElements() == other.graphs.maxElements();
  }

  @Override
  public int hashCode() {
    return ID.hashCode();
  }

  @Override
  public String toString() {
    return ID;
  }
}
