package org.zged.generate;

import org.zged.dataset.Dataset;
import org.zged.model.ZgedModel;

/**
 * Generation as a library: spec in, verified passive RLC circuits out, with no CLI or web server.
 *
 * <pre>{@code
 * try (ZgedModel model = ZgedModel.loadDefault()) {
 *   Designer designer = Designer.builder().setModel(model).build();
 *   DesignRequest job = DesignRequest.builder()
 *       .setTarget(SpecTarget.builder().optType("lowpass").optFc(10e3).optQ(0.707).build())
 *       .optConstraints(Constraints.builder().optMaxParts(4).build())
 *       .build();
 *   Generation g = designer.design(job);          // circuits + exact analyses
 *   GenerateResponse r = designer.report(job);    // the same as `zged generate --json`
 * }
 * }</pre>
 *
 * Every returned circuit carries the exact analysis of its own values; {@link
 * Generation.Ranked#meets} says whether it meets the target within 1 % and the constraints.
 * Thread-safe: one designer may serve several threads (the model is the only shared state, and it
 * is thread-safe).
 */
public final class Designer {
  private final SpecGenerator generator;

  private Designer(SpecGenerator generator) {
    this.generator = generator;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The search: ranked verified circuits, their sources and the analyses spent. */
  public Generation design(DesignRequest job) {
    if (job.mask() != null) {
      return generator.generate(
          MaskGoal.of(job.mask()), job.constraints(), job.count(), job.seed());
    }
    return generator.generate(job.target(), job.constraints(), job.count(), job.seed());
  }

  /** The search plus netlists, E-series snapping and the Monte Carlo, ready for JSON. */
  public GenerateResponse report(DesignRequest job) {
    Generation g = design(job);
    return ResponseAssembler.assemble(
        g,
        job.constraints(),
        job.series(),
        job.resistorSeries(),
        job.trim(),
        job.tolerancePct(),
        job.trials(),
        job.seed(),
        generator);
  }

  /** The engine underneath, for callers that need its lower-level entry points. */
  public SpecGenerator generator() {
    return generator;
  }

  /** DJL-style builder: {@link #setModel} is required, the rest optional. */
  public static final class Builder {
    private final SpecGenerator.Builder inner = SpecGenerator.builder();
    private boolean modelSet;

    /** The VAE that proposes topologies ({@link ZgedModel#loadDefault()} for the shipped one). */
    public Builder setModel(ZgedModel model) {
      inner.setModel(model);
      modelSet = model != null;
      return this;
    }

    /** Exact analyses one design may spend (default {@link SpecGenerator#DEFAULT_BUDGET}). */
    public Builder optBudget(int analyses) {
      inner.optBudget(analyses);
      return this;
    }

    /** The circuits the VAE's neighbour search uses (default: the full preset). */
    public Builder optReference(Dataset reference) {
      inner.optReference(reference);
      return this;
    }

    /** K of the nearest-neighbour search in spec space (default 5). */
    public Builder optNeighbours(int k) {
      inner.optNeighbours(k);
      return this;
    }

    /** Whether the closed-form family designs are a proposal source (default true). */
    public Builder optTemplates(boolean on) {
      inner.optFallback(on);
      return this;
    }

    public Designer build() {
      if (!modelSet) {
        throw new IllegalStateException("setModel is required");
      }
      return new Designer(inner.build());
    }
  }
}
