package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.fit.SpecErrors;
import org.zged.graph.TopologySignature;
import org.zged.model.DecodeResult;
import org.zged.model.ModelExample;
import org.zged.model.ZgedModel;

/**
 * The circuits generation searches: every record of a dataset with its latent mean μ and its
 * position in spec space (log10 of the frequency --fc refers to, log10 of the Q --q refers to, and
 * the response class). Encoded once, in one batch, when built.
 */
public final class ReferenceSet {
  /**
   * One encoded record; {@code logQ} is NaN for first-order circuits, which have no Q. {@code
   * decoded} is the tidied deterministic decode of μ (null when that decode is not a valid
   * circuit), computed once so that neighbours cost nothing at generation time.
   */
  public record Entry(
      CircuitRecord record,
      float[] mu,
      ResponseClass cls,
      double logF,
      double logQ,
      Proposal decoded) {}

  private final List<Entry> entries;
  // Column copies of the spec coordinates: the neighbour search scans these, not the records.
  final double[] logF;
  final double[] logQ;
  final ResponseClass[] cls;

  private ReferenceSet(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    int n = entries.size();
    logF = new double[n];
    logQ = new double[n];
    cls = new ResponseClass[n];
    for (int i = 0; i < n; i++) {
      logF[i] = entries.get(i).logF();
      logQ[i] = entries.get(i).logQ();
      cls[i] = entries.get(i).cls();
    }
  }

  public static ReferenceSet encode(ZgedModel model, Dataset dataset) {
    List<ModelExample> examples = new ArrayList<>();
    for (CircuitRecord r : dataset.records()) {
      examples.add(new ModelExample(r.circuit(), r.poles(), r.zeros()));
    }
    float[][] mu = model.encodeAll(examples);
    List<DecodeResult> decoded = model.decodeAll(mu);
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < mu.length; i++) {
      DecodeResult d = decoded.get(i);
      Proposal p = null;
      if (d.valid()) {
        Circuit tidy = CircuitTidy.tidy(d.circuit());
        p = new Proposal(tidy, TopologySignature.of(tidy), "vae-neighbour");
      }
      CircuitRecord r = dataset.records().get(i);
      FilterSpecs s = r.specs();
      Double f = SpecErrors.frequency(s.responseClass(), s);
      Double q = SpecErrors.q(s.responseClass(), s);
      out.add(
          new Entry(
              r,
              mu[i],
              s.responseClass(),
              f == null || !(f > 0) ? Double.NaN : Math.log10(f),
              q == null || !(q > 0) || !Double.isFinite(q) ? Double.NaN : Math.log10(q),
              p));
    }
    return new ReferenceSet(out);
  }

  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The mean μ of the records of one family (the family's latent centroid), or null. */
  public float[] centroid(String familyId) {
    float[] sum = null;
    int n = 0;
    for (Entry e : entries) {
      if (e.record().family().id().equals(familyId)) {
        if (sum == null) {
          sum = new float[e.mu().length];
        }
        for (int i = 0; i < sum.length; i++) {
          sum[i] += e.mu()[i];
        }
        n++;
      }
    }
    if (sum == null) {
      return null;
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= n;
    }
    return sum;
  }

  /** The entry with this record id, or null. */
  public Entry byId(String id) {
    for (Entry e : entries) {
      if (e.record().id().equals(id)) {
        return e;
      }
    }
    return null;
  }
}
