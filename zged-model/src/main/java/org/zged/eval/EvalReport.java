package org.zged.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code zged eval} measures, shaped for JSON (snake_case keys, non-finite numbers as
 * null). Fractions are in [0, 1]. The headline figures sit at the top level; the details in the
 * nested records.
 *
 * @param circuits circuits evaluated (reconstruction and latent metrics)
 * @param families circuit families among them (the colours of the latent PCA plot)
 * @param topologies distinct canonical topologies among them
 * @param groupedCircuits circuits whose canonical topology occurs at least twice in the split: the
 *     points of the silhouette and purity figures
 * @param groupedTopologies the topologies of those (the labels, and the k of k-means)
 * @param split the split evaluated ("train", "val", "test", "test_unseen" or "all")
 * @param nodeTypeAccuracy slots of the role-anchored node grid with the right class
 * @param edgeClassAccuracy slot pairs (empty pairs included) with the right joint class
 * @param componentTypeAccuracy true edges decoded with exactly the same element kinds
 * @param edgeCountMatch circuits decoded with the true number of edges
 * @param vinConnectivity decoded VIN joined through elements to GND
 * @param voutConnectivity decoded VOUT joined through elements to VIN
 * @param topologyMatch decoded canonical topology equal to the true one (both reduced, then
 *     compared up to isomorphism with the terminals fixed)
 * @param topologyMatchRaw the same for the network's own argmax decode, without the decoder's rules
 *     (a true circuit the rules forbid, e.g. VOUT hanging on one neighbour, is only matched here)
 * @param topologyMatchConsistent the same for the decode that agrees best with the encoder ({@link
 *     org.zged.model.ConsistentDecoder}; NaN when skipped)
 * @param topologyMatchByNodes the same by the true circuit's node count (terminals included)
 * @param silhouette silhouette of μ (all dimensions), labelled by canonical topology
 * @param purity purity of k-means on μ against the canonical topologies, k = their number
 * @param latentGroups the same two figures within each latent group (topology, values,
 *     transfer_function)
 * @param poleChamfer mean pole Chamfer distance, TF head vs truth (normalised plane)
 * @param zeroChamfer mean zero Chamfer distance (circuits with zeros only)
 * @param gedSpearman Spearman between pairwise latent distance and graph edit distance
 */
public record EvalReport(
    String model,
    String data,
    String split,
    int circuits,
    int families,
    int topologies,
    int groupedCircuits,
    int groupedTopologies,
    Map<String, Long> parameters,
    double nodeTypeAccuracy,
    double edgeClassAccuracy,
    Map<String, Double> perClassAccuracy,
    long[][] confusion,
    double componentTypeAccuracy,
    double edgeCountMatch,
    double vinConnectivity,
    double voutConnectivity,
    double topologyMatch,
    double topologyMatchRaw,
    double topologyMatchConsistent,
    Map<Integer, SizeMatch> topologyMatchByNodes,
    Map<String, ValueError> valueError,
    double silhouette,
    double purity,
    Map<String, LatentGroup> latentGroups,
    LatentSwap latentSwap,
    double poleChamfer,
    double zeroChamfer,
    double gedSpearman,
    int gedPairs,
    Prior prior,
    double seconds) {

  /** Circuits of one node count and the fraction decoded with their canonical topology. */
  public record SizeMatch(int circuits, double topologyMatch) {}

  /** |Δlog10| of one element kind's decoded values against the truth, on matching edges. */
  public record ValueError(int count, double median, double p95) {}

  /**
   * The hierarchy's swap test: for random pairs (A, B) of circuits with different canonical
   * topologies, decode [μ_topology(A), μ_values(B), μ_tf(B)] and count how often A's topology comes
   * out.
   *
   * @param pairs pairs decoded (0 when the split has a single topology)
   * @param topologyKept fraction of them that kept A's canonical topology
   * @param topologyKeptConsistent the same with the decode that agrees best with the encoder
   *     ({@link org.zged.model.ConsistentDecoder}; NaN when skipped)
   */
  public record LatentSwap(int pairs, double topologyKept, double topologyKeptConsistent) {}

  /** Separation of the canonical topologies within one latent group, dims [from, to). */
  public record LatentGroup(int fromDim, int toDim, double silhouette, double purity) {}

  /**
   * The generative protocol: latents from the prior N(0, I), each decoded several times by
   * sampling.
   *
   * @param samples latents drawn
   * @param decodesPerSample sampled decodes per latent
   * @param temperature sampling temperature
   * @param validity decodes that are well-formed graphs (structural validity), by the shipped
   *     (constrained) decoder
   * @param rawValidity the same for the network's own choices, decoded without the structural rules
   *     (same latents, same random stream)
   * @param electricalValidity decodes that are also working filters (exact analysis)
   * @param uniqueness distinct topologies among the structurally valid decodes / valid decodes
   * @param novelty distinct valid topologies absent from the training set / distinct valid ones
   * @param novelTopologies the novel valid topologies, most frequent first
   */
  public record Prior(
      int samples,
      int decodesPerSample,
      double temperature,
      double validity,
      double rawValidity,
      double electricalValidity,
      double uniqueness,
      double novelty,
      int distinctValidTopologies,
      List<NovelTopology> novelTopologies,
      Map<String, Integer> electricalFailures) {}

  /**
   * A valid decoded topology that the training set does not contain.
   *
   * @param signature canonical key ({@link org.zged.graph.TopologySignature})
   * @param count decodes that produced it
   * @param responseClasses how often each response class (or "invalid") came out of the analysis
   * @param example one decoded netlist of it
   */
  public record NovelTopology(
      String signature, int count, Map<String, Integer> responseClasses, String example) {}
}
