package org.zged.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;

/**
 * Decoding by agreement with the encoder: for a latent z, the deterministic decode and {@code
 * samples} decodes at {@code temperature} are the candidates; each valid candidate is encoded
 * again, and the one whose topology latent μ[0:topologyDims] lies nearest z's is kept (the
 * deterministic decode on a tie or when no sample is valid).
 *
 * <p>Why it helps: the greedy decode commits to each slot pair's best class in turn, and on large
 * graphs one early wrong class is never undone; a sample may get the graph right, and the encoder,
 * which maps every topology to its own place in the topology group (silhouette 1.00 by canonical
 * topology), tells which candidate stands for the topology z stands for. No label is used: only z
 * and the model. It costs {@code 1 + samples} decodes and encodes per latent.
 */
public final class ConsistentDecoder {
  /** Sampled candidates per latent of the evaluation's consistent reconstruction. */
  public static final int DEFAULT_SAMPLES = 16;

  /** Their sampling temperature (0.6 found more true topologies than 1.0 or 1.5, docs/model.md). */
  public static final double DEFAULT_TEMPERATURE = 0.6;

  /** Latents decoded and re-encoded together (bounds the candidates held at once). */
  private static final int CHUNK = 64;

  private final ZgedModel model;
  private final int samples;
  private final double temperature;

  /**
   * @param samples sampled candidates per latent (0: the deterministic decode alone)
   * @param temperature their sampling temperature (> 0)
   */
  public ConsistentDecoder(ZgedModel model, int samples, double temperature) {
    if (samples < 0) {
      throw new IllegalArgumentException("samples must be >= 0, got " + samples);
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
    }
    this.model = model;
    this.samples = samples;
    this.temperature = temperature;
  }

  /** One decode per latent, in order; the samples of chunk c are drawn with seed + c. */
  public List<DecodeResult> decodeAll(float[][] zs, long seed) {
    return decodeAll(zs, model.decodeAll(zs), seed);
  }

  /**
   * As {@link #decodeAll(float[][], long)}, given the latents' argmax decodes ({@link
   * ZgedModel#decodeAll(float[][])}, one per latent) when the caller has them already.
   */
  public List<DecodeResult> decodeAll(float[][] zs, List<DecodeResult> argmax, long seed) {
    if (argmax.size() != zs.length) {
      throw new IllegalArgumentException(argmax.size() + " argmax decodes for " + zs.length);
    }
    List<DecodeResult> out = new ArrayList<>(zs.length);
    for (int from = 0, c = 0; from < zs.length; from += CHUNK, c++) {
      int to = Math.min(zs.length, from + CHUNK);
      out.addAll(decodeChunk(Arrays.copyOfRange(zs, from, to), argmax.subList(from, to), seed + c));
    }
    return out;
  }

  private List<DecodeResult> decodeChunk(float[][] zs, List<DecodeResult> greedy, long seed) {
    if (samples == 0) {
      return greedy;
    }
    float[][] repeated = new float[zs.length * samples][];
    for (int i = 0; i < zs.length; i++) {
      for (int s = 0; s < samples; s++) {
        repeated[i * samples + s] = zs[i];
      }
    }
    List<DecodeResult> sampled = model.decodeAll(repeated, temperature, seed);
    // every candidate with a circuit the analysis accepts, encoded in one pass
    List<ModelExample> examples = new ArrayList<>();
    List<DecodeResult> candidates = new ArrayList<>();
    int[] owner = new int[zs.length * (samples + 1)];
    for (int i = 0; i < zs.length; i++) {
      add(greedy.get(i), i, examples, candidates, owner);
      for (int s = 0; s < samples; s++) {
        add(sampled.get(i * samples + s), i, examples, candidates, owner);
      }
    }
    float[][] mu = model.encodeExamples(examples);
    int dims = model.config().topologyDims();
    DecodeResult[] best = greedy.toArray(new DecodeResult[0]);
    double[] bestDistance = new double[zs.length];
    Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    for (int c = 0; c < candidates.size(); c++) {
      int i = owner[c];
      double d = 0;
      for (int k = 0; k < dims; k++) {
        double diff = mu[c][k] - zs[i][k];
        d += diff * diff;
      }
      // strictly nearer: the greedy decode, added first, wins ties
      if (d < bestDistance[i]) {
        bestDistance[i] = d;
        best[i] = candidates.get(c);
      }
    }
    return Arrays.asList(best);
  }

  private static void add(
      DecodeResult d,
      int owner,
      List<ModelExample> examples,
      List<DecodeResult> candidates,
      int[] owners) {
    Circuit c = d.circuit();
    if (!d.valid() || c == null) {
      return;
    }
    Analysis a;
    try {
      a = CircuitAnalyzer.analyze(c);
    } catch (RuntimeException e) {
      return; // a candidate the analysis refuses cannot be encoded; the others still compete
    }
    owners[candidates.size()] = owner;
    candidates.add(d);
    examples.add(new ModelExample(c, a.poles(), a.zeros()));
  }
}
