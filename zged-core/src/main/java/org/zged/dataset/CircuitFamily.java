package org.zged.dataset;

import java.util.SplittableRandom;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.graph.TopologySignature;

/**
 * A source of dataset circuits: one of the twelve fixed {@link FilterFamily} templates, the random
 * graphs of the open space ({@link RandomFamily}), or a classical ladder family. The id is what
 * dataset files store in each record's {@code family}.
 */
public interface CircuitFamily {
  /** The name used in files and on the command line, e.g. {@code rc_lowpass} or {@code random}. */
  String id();

  /**
   * A circuit drawn from {@code rng}, or null when the draw gives none (the generator draws again,
   * as it does when the circuit is not valid).
   */
  Circuit sample(SplittableRandom rng);

  /** The response class every circuit of the family has, or null when it varies. */
  ResponseClass expectedClass();

  /**
   * The canonical topology key of a circuit this family's {@link #sample} just returned on this
   * thread: {@code TopologySignature.of(sampled).key()}, which a family that has already computed
   * the canonical form may return without computing it again.
   */
  default String signatureOf(Circuit sampled) {
    return TopologySignature.of(sampled).key();
  }

  /** The most poles a kept circuit of the family may have in the open preset (at least 1). */
  default int maxOrder() {
    return 9;
  }
}
