package org.zged.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.InputException;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.ElementKind;
import org.zged.model.nn.Tensors;

/**
 * A batch of circuits as dense, padded tensors on a grid of {@code n = maxNodes} node slots. Node
 * slots follow the graph order (GND, VIN, VOUT, internal); unused slots are padding, marked by
 * {@link #nodeMask} and never given a node type (padding is not a fake GND). Edge features are the
 * {@link ValueScaling scaled} admittance coefficients with a separate presence mask, so an absent
 * component is never confused with a legitimate value. Also carries the training targets (slot
 * classes, joint edge classes) derived from the same graphs.
 */
public final class GraphBatch {
  /** Node slot class meaning "no node here". */
  public static final int ABSENT = 4;

  final int size;
  final ModelConfig cfg;
  final int n;
  final int maxPoles;
  final int maxZeros;
  final float[] nodeTypes; // [B,n,4] one-hot
  final float[] nodeMask; // [B,n]
  final float[] edgeValues; // [B,n,n,3] scaled, 0 where absent
  final float[] edgePresence; // [B,n,n,3]
  final float[] poles; // [B,P,2]
  final float[] poleMask; // [B,P]
  final float[] zeros; // [B,Z,2]
  final float[] zeroMask; // [B,Z]
  final int[] nodeClass; // [B,n] 0..4
  final int[] edgeClass; // [B,n,n] EdgeClass ordinal, symmetric, NONE on the diagonal

  private GraphBatch(int size, ModelConfig cfg) {
    this.size = size;
    this.cfg = cfg;
    this.n = cfg.maxNodes();
    this.maxPoles = cfg.maxPoles();
    this.maxZeros = cfg.maxZeros();
    nodeTypes = new float[size * n * 4];
    nodeMask = new float[size * n];
    edgeValues = new float[size * n * n * 3];
    edgePresence = new float[size * n * n * 3];
    poles = new float[size * maxPoles * 2];
    poleMask = new float[size * maxPoles];
    zeros = new float[size * maxZeros * 2];
    zeroMask = new float[size * maxZeros];
    nodeClass = new int[size * n];
    edgeClass = new int[size * n * n];
  }

  public static GraphBatch of(List<ModelExample> examples, ModelConfig cfg) {
    GraphBatch b = new GraphBatch(examples.size(), cfg);
    for (int i = 0; i < examples.size(); i++) {
      b.fill(i, examples.get(i));
    }
    return b;
  }

  public int size() {
    return size;
  }

  /**
   * A batch of the given rows of this one (in that order), equal to {@link #of} of those examples:
   * a training run builds one batch of its whole split once and selects each step's rows from it,
   * so no circuit is converted twice.
   */
  public GraphBatch select(int[] rows) {
    GraphBatch out = new GraphBatch(rows.length, cfg);
    for (int r = 0; r < rows.length; r++) {
      int from = rows[r];
      if (from < 0 || from >= size) {
        throw new IndexOutOfBoundsException("row " + from + " of " + size);
      }
      copyRow(nodeTypes, out.nodeTypes, from, r, n * 4);
      copyRow(nodeMask, out.nodeMask, from, r, n);
      copyRow(edgeValues, out.edgeValues, from, r, n * n * 3);
      copyRow(edgePresence, out.edgePresence, from, r, n * n * 3);
      copyRow(poles, out.poles, from, r, maxPoles * 2);
      copyRow(poleMask, out.poleMask, from, r, maxPoles);
      copyRow(zeros, out.zeros, from, r, maxZeros * 2);
      copyRow(zeroMask, out.zeroMask, from, r, maxZeros);
      System.arraycopy(nodeClass, from * n, out.nodeClass, r * n, n);
      System.arraycopy(edgeClass, from * n * n, out.edgeClass, r * n * n, n * n);
    }
    return out;
  }

  private static void copyRow(float[] from, float[] to, int src, int dst, int width) {
    System.arraycopy(from, src * width, to, dst * width, width);
  }

  private void fill(int b, ModelExample ex) {
    CircuitGraph g = SlotOrder.of(ex.circuit(), cfg);
    if (g.nodeCount() > n) {
      throw new InputException(
          ex.circuit().title().isEmpty() ? "circuit" : ex.circuit().title(),
          g.nodeCount() + " nodes, the model handles at most " + n);
    }
    for (int i = 0; i < n; i++) {
      if (i < g.nodeCount()) {
        int t = g.nodeType(i).ordinal();
        nodeTypes[(b * n + i) * 4 + t] = 1f;
        nodeMask[b * n + i] = 1f;
        nodeClass[b * n + i] = t;
      } else {
        nodeClass[b * n + i] = ABSENT;
      }
    }
    for (Edge e : g.edges()) {
      double[] coef = {e.g(), e.c(), e.gamma()};
      for (int k = 0; k < 3; k++) {
        if (coef[k] > 0) {
          float v = ValueScaling.scale(ElementKind.values()[k], coef[k]);
          for (int[] p : new int[][] {{e.a(), e.b()}, {e.b(), e.a()}}) {
            int at = ((b * n + p[0]) * n + p[1]) * 3 + k;
            edgeValues[at] = v;
            edgePresence[at] = 1f;
          }
        }
      }
      int cls = e.edgeClass().ordinal();
      edgeClass[(b * n + e.a()) * n + e.b()] = cls;
      edgeClass[(b * n + e.b()) * n + e.a()] = cls;
    }
    putRoots(ex.poles(), poles, poleMask, b, maxPoles);
    putRoots(ex.zeros(), zeros, zeroMask, b, maxZeros);
  }

  /** Keeps the {@code max} roots of smallest magnitude (the ones that shape the passband). */
  static void putRoots(List<Complex> roots, float[] pts, float[] mask, int b, int max) {
    List<Complex> sorted = new ArrayList<>(roots);
    sorted.sort(Comparator.comparingDouble(Complex::norm));
    for (int i = 0; i < Math.min(max, sorted.size()); i++) {
      float[] p = PoleZeroCodec.encode(sorted.get(i));
      pts[(b * max + i) * 2] = p[0];
      pts[(b * max + i) * 2 + 1] = p[1];
      mask[b * max + i] = 1f;
    }
  }

  /**
   * The encoder inputs, in the order {@link org.zged.model.nn.ZgedNetwork} expects them. The arrays
   * are made once per manager (the loss reads the same ones as the network); each call returns a
   * new list, which the caller may extend.
   */
  public NDList inputs(NDManager m) {
    if (inputsManager != m || !m.isOpen()) {
      inputs = makeInputs(m);
      inputsManager = m;
    }
    return new NDList(inputs);
  }

  private NDManager inputsManager;
  private NDList inputs;

  private NDList makeInputs(NDManager m) {
    float[][] parts = {
      nodeTypes, nodeMask, edgeValues, edgePresence, poles, poleMask, zeros, zeroMask
    };
    Shape[] shapes = {
      new Shape(size, n, 4),
      new Shape(size, n),
      new Shape(size, n, n, 3),
      new Shape(size, n, n, 3),
      new Shape(size, maxPoles, 2),
      new Shape(size, maxPoles),
      new Shape(size, maxZeros, 2),
      new Shape(size, maxZeros)
    };
    // One copy into native memory and views of it: a tensor per input cost three native calls
    // and a direct buffer each.
    int total = 0;
    for (float[] p : parts) {
      total += p.length;
    }
    float[] all = new float[total];
    long[] cuts = new long[parts.length - 1];
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, all, at, parts[i].length);
      at += parts[i].length;
      if (i < cuts.length) {
        cuts[i] = at;
      }
    }
    NDList pieces = Tensors.of(m, all, new Shape(total)).split(cuts, 0);
    NDList out = new NDList(parts.length);
    for (int i = 0; i < parts.length; i++) {
      out.add(pieces.get(i).reshape(shapes[i]));
    }
    return out;
  }

  /** One-hot node slot targets [B,n,5]. */
  public NDArray nodeTargets(NDManager m) {
    float[] t = new float[size * n * 5];
    for (int i = 0; i < size * n; i++) {
      t[i * 5 + nodeClass[i]] = 1f;
    }
    return Tensors.of(m, t, new Shape(size, n, 5));
  }

  /** One-hot joint edge class targets [B,n,n,8]. */
  public NDArray edgeTargets(NDManager m) {
    float[] t = new float[size * n * n * EdgeClass.COUNT];
    for (int i = 0; i < size * n * n; i++) {
      t[i * EdgeClass.COUNT + edgeClass[i]] = 1f;
    }
    return Tensors.of(m, t, new Shape(size, n, n, EdgeClass.COUNT));
  }

  /** 1 for ordered pairs (i ≠ j) of two real nodes, else 0 [B,n,n]. */
  public NDArray pairMask(NDManager m) {
    return Tensors.of(m, pairMask(), new Shape(size, n, n));
  }

  private float[] pairMask() {
    float[] t = new float[size * n * n];
    for (int b = 0; b < size; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i != j && nodeMask[b * n + i] > 0 && nodeMask[b * n + j] > 0) {
            t[(b * n + i) * n + j] = 1f;
          }
        }
      }
    }
    return t;
  }

  /**
   * The edge cross-entropy's weight per ordered pair [B,n,n]: the true class's weight ({@code
   * noEdgeWeight} for NONE, 1 for the seven component classes) on pairs of two real nodes, 0
   * elsewhere. The same numbers as one-hot targets times the class weights times {@link #pairMask},
   * without the tensor work.
   */
  public float[] pairWeights(float noEdgeWeight) {
    float[] t = pairMask();
    for (int k = 0; k < t.length; k++) {
      if (t[k] != 0f) {
        t[k] = edgeClass[k] == 0 ? noEdgeWeight : 1f;
      }
    }
    return t;
  }

  /** Σ of the presence mask: the number of present components, both directions counted. */
  public float presenceCount() {
    float c = 0;
    for (float p : edgePresence) {
      c += p;
    }
    return c;
  }

  /** The number of true poles (or zeros) per circuit [B], at least 1 (a Chamfer divisor). */
  public NDArray rootCounts(NDManager m, boolean ofPoles) {
    float[] mask = ofPoles ? poleMask : zeroMask;
    int k = ofPoles ? maxPoles : maxZeros;
    float[] c = new float[size];
    for (int b = 0; b < size; b++) {
      float s = 0;
      for (int i = 0; i < k; i++) {
        s += mask[b * k + i];
      }
      c[b] = Math.max(s, 1f);
    }
    return Tensors.of(m, c, new Shape(size));
  }

  /** {@code (1 − mask)·absent} of the pole (or zero) slots [B,K]: {@code absent} on empty slots. */
  public NDArray rootAbsent(NDManager m, boolean ofPoles, float absent) {
    float[] mask = ofPoles ? poleMask : zeroMask;
    float[] t = new float[mask.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (1f - mask[i]) * absent;
    }
    return Tensors.of(m, t, new Shape(size, ofPoles ? maxPoles : maxZeros));
  }

  /**
   * The pairs the connectivity penalty reads [B,n,n]: i < j, both real nodes (the upper triangle of
   * {@link #pairMask}).
   */
  public NDArray upperPairs(NDManager m) {
    float[] t = pairMask();
    for (int b = 0; b < size; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          t[(b * n + i) * n + j] = 0f;
        }
      }
    }
    return Tensors.of(m, t, new Shape(size, n, n));
  }

  public int nodeClass(int b, int i) {
    return nodeClass[b * n + i];
  }

  public int edgeClass(int b, int i, int j) {
    return edgeClass[(b * n + i) * n + j];
  }
}
