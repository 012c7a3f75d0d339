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

  /**
   * The last circuit {@link #sample} returned on this thread and its signature: the canonical form
   * of the draw is the canonical form of the stored circuit (reduction is idempotent, and rounding
   * the merged values changes no edge class), so its signature need not be computed twice.
   */
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

  @Override
  public Circuit sample(SplittableRandom rng) {
    CanonicalForm form = CanonicalForm.of(graphs.draw(rng));
    Circuit reduced = form.reduced();
    List<Element> out = new ArrayList<>(reduced.elements().size());
    for (Element e : reduced.elements()) {
      out.add(e.withValue(DecimalText.round(e.value(), DecimalText.LABEL_DIGITS)));
    }
    Circuit c = new Circuit(out);
    Object[] last = LAST.get();
    last[0] = c;
    last[1] = form.signature().key();
    return c;
  }

  @Override
  public String signatureOf(Circuit sampled) {
    Object[] last = LAST.get();
    return last[0] == sampled ? (String) last[1] : CircuitFamily.super.signatureOf(sampled);
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
