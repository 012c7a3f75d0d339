package org.zged.generate;

import org.zged.fit.ESeries;
import org.zged.fit.SpecTarget;
import org.zged.mask.Mask;

/**
 * One design job for {@link Designer}: the target (required) and everything optional — how many
 * candidates, the constraints, E-series snapping, a tolerance Monte Carlo and the seed. Built with
 * {@link #builder()}: {@code setTarget} is required, every {@code opt*} has a default.
 */
public final class DesignRequest {
  private final SpecTarget target;
  private final Mask mask;
  private final Constraints constraints;
  private final int count;
  private final long seed;
  private final ESeries series;
  private final ESeries resistorSeries;
  private final boolean trim;
  private final Double tolerancePct;
  private final int trials;

  private DesignRequest(Builder b) {
    this.target = b.target;
    this.mask = b.mask;
    this.constraints = b.constraints;
    this.count = b.count;
    this.seed = b.seed;
    this.series = b.series;
    this.resistorSeries = b.resistorSeries;
    this.trim = b.trim;
    this.tolerancePct = b.tolerancePct;
    this.trials = b.trials;
  }

  public static Builder builder() {
    return new Builder();
  }

  public SpecTarget target() {
    return target;
  }

  /** The mask of a mask job (then {@link #target()} is null). */
  public Mask mask() {
    return mask;
  }

  public Constraints constraints() {
    return constraints;
  }

  public int count() {
    return count;
  }

  public long seed() {
    return seed;
  }

  public ESeries series() {
    return series;
  }

  public ESeries resistorSeries() {
    return resistorSeries;
  }

  public boolean trim() {
    return trim;
  }

  public Double tolerancePct() {
    return tolerancePct;
  }

  public int trials() {
    return trials;
  }

  /** DJL-style builder: {@link #setTarget} or {@link #setMask} is required. */
  public static final class Builder {
    private SpecTarget target;
    private Mask mask;
    private Constraints constraints = Constraints.NONE;
    private int count = GenerateRequest.DEFAULT_COUNT;
    private long seed = 42;
    private ESeries series;
    private ESeries resistorSeries;
    private boolean trim = true;
    private Double tolerancePct;
    private int trials = GenerateRequest.DEFAULT_TRIALS;

    /** What to design: response specs or poles/zeros ({@link SpecTarget#builder()}). */
    public Builder setTarget(SpecTarget target) {
      this.target = target;
      return this;
    }

    /**
     * A general mask instead of a target ({@link org.zged.mask.MaskJson} reads one): every
     * candidate is fitted to it and verified on it exactly.
     */
    public Builder setMask(Mask mask) {
      this.mask = mask;
      return this;
    }

    /** Parts, inductor and value limits (default none). */
    public Builder optConstraints(Constraints constraints) {
      this.constraints = constraints;
      return this;
    }

    /** Candidates to return, best first, 1..50 (default 3). */
    public Builder optCount(int count) {
      this.count = count;
      return this;
    }

    /** Seed of every random choice of the search (default 42): equal seeds, equal answers. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Snap each candidate to a preferred-value series and verify the snapped circuit. */
    public Builder optESeries(ESeries series) {
      this.series = series;
      return this;
    }

    /** A finer series for resistors than {@link #optESeries} (e.g. E96 with E24). */
    public Builder optResistorSeries(ESeries series) {
      this.resistorSeries = series;
      return this;
    }

    /** Whether snapping may add one parallel trim part (default true). */
    public Builder optTrim(boolean trim) {
      this.trim = trim;
      return this;
    }

    /** A Monte Carlo with parts within ±pct % (default none), {@code trials} draws. */
    public Builder optTolerance(double pct, int trials) {
      this.tolerancePct = pct;
      this.trials = trials;
      return this;
    }

    public DesignRequest build() {
      if ((target == null) == (mask == null)) {
        throw new IllegalStateException("exactly one of setTarget and setMask is required");
      }
      if (mask != null && tolerancePct != null) {
        throw new IllegalArgumentException("no tolerance Monte Carlo against a general mask yet");
      }
      if (constraints == null) {
        throw new IllegalStateException("constraints must not be null (use Constraints.NONE)");
      }
      if (count < 1 || count > GenerateRequest.MAX_COUNT) {
        throw new IllegalArgumentException(
            "count must be between 1 and " + GenerateRequest.MAX_COUNT + ", got " + count);
      }
      if (resistorSeries != null && series == null) {
        throw new IllegalArgumentException("optResistorSeries needs optESeries as well");
      }
      if (tolerancePct != null && !(tolerancePct > 0 && tolerancePct < 100 && trials >= 1)) {
        throw new IllegalArgumentException("tolerance must be in (0, 100) % with >= 1 trial");
      }
      return new DesignRequest(this);
    }
  }
}
