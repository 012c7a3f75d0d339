package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.fit.RangeReach;
import org.zged.fit.SpecErrors;
import org.zged.graph.TopologySignature;
import org.zged.model.DecodeResult;
import org.zged.model.ModelExample;
import org.zged.model.ZgedModel;

/**
 * The circuits generation searches: every record of a dataset with its latent mean μ and its
 * position in spec space (log10 of the frequency --fc refers to, log10 of the Q --q refers to, and
 * the response class). Encoded once, in one batch, when built — or, for the shipped model and the
 * full preset, read from the encodings the build stored beside it ({@link ShippedReference}).
 */
public final class ReferenceSet {
  /**
   * One encoded record; {@code logQ} is NaN for first-order circuits, which have no Q. {@code
   * decoded} is the tidied deterministic decode of μ (null when that decode is not a valid
   * circuit), computed once so that neighbours cost nothing at generation time. The record itself
   * may be regenerated on first use (a stored reference set keeps only what the search needs).
   */
  public static final class Entry {
    private final String id;
    private final Supplier<CircuitRecord> record;
    private final float[] mu;
    private final ResponseClass cls;
    private final double logF;
    private final double logQ;
    private final double logG;
    private final int parts;
    private final Supplier<Proposal> decoded;
    private final RangeReach reach;

    Entry(
        String id,
        Supplier<CircuitRecord> record,
        float[] mu,
        ResponseClass cls,
        double logF,
        double logQ,
        double logG,
        int parts,
        Supplier<Proposal> decoded,
        RangeReach reach) {
      this.id = id;
      this.record = record;
      this.mu = mu;
      this.cls = cls;
      this.logF = logF;
      this.logQ = logQ;
      this.logG = logG;
      this.parts = parts;
      this.decoded = decoded;
      this.reach = reach;
    }

    public String id() {
      return id;
    }

    public CircuitRecord record() {
      return record.get();
    }

    public float[] mu() {
      return mu;
    }

    public ResponseClass cls() {
      return cls;
    }

    public double logF() {
      return logF;
    }

    public double logQ() {
      return logQ;
    }

    /** log10 of the passband gain, NaN where the response has none. */
    public double logG() {
      return logG;
    }

    /** Elements of the tidied decode, 0 when the decode is not a valid circuit. */
    public int parts() {
      return parts;
    }

    public Proposal decoded() {
      return decoded.get();
    }

    /** Where the decode's values reach within the practical ranges; null without a decode. */
    public RangeReach reach() {
      return reach;
    }
  }

  private final List<Entry> entries;
  // Column copies of the spec coordinates: the neighbour search scans these, not the records.
  final double[] logF;
  final double[] logQ;
  final double[] logG;
  final int[] parts;
  final ResponseClass[] cls;
  final RangeReach[] reach;

  ReferenceSet(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    int n = entries.size();
    logF = new double[n];
    logQ = new double[n];
    logG = new double[n];
    parts = new int[n];
    cls = new ResponseClass[n];
    reach = new RangeReach[n];
    for (int i = 0; i < n; i++) {
      logF[i] = entries.get(i).logF();
      logQ[i] = entries.get(i).logQ();
      logG[i] = entries.get(i).logG();
      parts[i] = entries.get(i).parts();
      cls[i] = entries.get(i).cls();
      reach[i] = entries.get(i).reach();
    }
  }

  /** log10 of a response's passband gain, NaN where it has none. */
  static double logGain(FilterSpecs s) {
    Double g = s.passbandGain();
    return g == null || !(g > 0) || !Double.isFinite(g) ? Double.NaN : Math.log10(g);
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
      CircuitRecord r = dataset.records().get(i);
      Proposal p = d.valid() ? neighbourProposal(d.circuit()) : null;
      FilterSpecs s = r.specs();
      Double f = SpecErrors.frequency(s.responseClass(), s);
      Double q = SpecErrors.q(s.responseClass(), s);
      out.add(
          new Entry(
              r.id(),
              () -> r,
              mu[i],
              s.responseClass(),
              f == null || !(f > 0) ? Double.NaN : Math.log10(f),
              q == null || !(q > 0) || !Double.isFinite(q) ? Double.NaN : Math.log10(q),
              logGain(s),
              p == null ? 0 : p.circuit().elements().size(),
              () -> p,
              p == null ? null : RangeReach.of(p.circuit())));
    }
    return new ReferenceSet(out);
  }

  /** A decoded reference circuit as generation proposes it. */
  static Proposal neighbourProposal(Circuit decoded) {
    return tidiedProposal(CircuitTidy.tidy(decoded));
  }

  /** The proposal of an already tidied decode (as a stored reference set keeps it). */
  static Proposal tidiedProposal(Circuit tidy) {
    return new Proposal(tidy, TopologySignature.of(tidy), "vae-neighbour");
  }

  /** {@code make}'s value, computed on the first call only (thread-safe). */
  static <T> Supplier<T> once(Supplier<T> make) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            v = value;
            if (v == null) {
              v = make.get();
              value = v;
            }
          }
        }
        return v;
      }
    };
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
      if (e.record().family().id().equals(familyId)) { // loads the records once
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
      if (e.id().equals(id)) {
        return e;
      }
    }
    return null;
  }
}
