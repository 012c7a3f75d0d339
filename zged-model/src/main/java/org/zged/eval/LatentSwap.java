package org.zged.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.graph.TopologySignature;
import org.zged.model.ConsistentDecoder;
import org.zged.model.DecodeResult;
import org.zged.model.ZgedModel;

/**
 * The hierarchy's swap test: for seeded random pairs (A, B) of circuits with different canonical
 * topologies, decode A's latent dims [from, to) joined with B's other dims (argmax) and count how
 * often A's canonical topology comes out. With [from, to) = the topology group this is {@code
 * latent_swap.topology_kept}; with the complement it is the control (how often the groups that are
 * not meant to carry the topology carry it anyway).
 */
public final class LatentSwap {
  /** Swap pairs decoded at most. */
  public static final int PAIRS = 1000;

  private LatentSwap() {}

  /**
   * @param mu latent means, one row per circuit
   * @param signatures the circuits' canonical topologies
   * @param keepFrom first dim taken from A
   * @param keepTo dim after the last one taken from A
   * @param consistent also decodes every swapped latent with it (null skips)
   */
  public static EvalReport.LatentSwap measure(
      ZgedModel model,
      float[][] mu,
      List<TopologySignature> signatures,
      int keepFrom,
      int keepTo,
      long seed,
      ConsistentDecoder consistent) {
    TopologySignature[] sig = signatures.toArray(new TopologySignature[0]);
    if (java.util.Arrays.stream(sig).distinct().count() < 2) {
      return new EvalReport.LatentSwap(0, Double.NaN, Double.NaN);
    }
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5A17L);
    List<float[]> zs = new ArrayList<>();
    List<TopologySignature> want = new ArrayList<>();
    for (int tries = 0; zs.size() < PAIRS && tries < 20 * PAIRS; tries++) {
      int a = rnd.nextInt(sig.length);
      int b = rnd.nextInt(sig.length);
      if (sig[a].equals(sig[b])) {
        continue;
      }
      float[] z = mu[b].clone();
      System.arraycopy(mu[a], keepFrom, z, keepFrom, keepTo - keepFrom);
      zs.add(z);
      want.add(sig[a]);
    }
    float[][] swapped = zs.toArray(new float[0][]);
    List<DecodeResult> out = model.decodeAll(swapped);
    double keptConsistent =
        consistent == null ? Double.NaN : kept(consistent.decodeAll(swapped, out, seed + 1), want);
    return new EvalReport.LatentSwap(out.size(), kept(out, want), keptConsistent);
  }

  private static double kept(List<DecodeResult> out, List<TopologySignature> want) {
    int kept = 0;
    for (int i = 0; i < out.size(); i++) {
      if (TopologySignature.of(out.get(i).graph()).equals(want.get(i))) {
        kept++;
      }
    }
    return out.isEmpty() ? Double.NaN : (double) kept / out.size();
  }
}
