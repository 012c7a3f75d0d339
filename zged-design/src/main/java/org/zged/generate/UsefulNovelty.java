package org.zged.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zged.circuit.Circuit;

/**
 * Novelty that means something: the distinct canonical topologies (after reduction) that meet at
 * least one out-of-template benchmark target — a target no template family meets, even refined —
 * and do not occur in the training split. Each is listed with the first target it met and the
 * circuit that met it.
 */
public final class UsefulNovelty {
  /** One novel topology that meets a target, with that target and the circuit. */
  public record Found(String topology, String source, String target, Circuit circuit) {}

  /** The count, how many targets were tried, and the topologies. */
  public record Result(int count, int targets, int budget, List<Found> topologies) {}

  private UsefulNovelty() {}

  /**
   * @param trainTopologies canonical keys of the training split's topologies
   * @param candidates candidates kept per target (each distinct meeting topology counts)
   */
  public static Result count(
      SpecGenerator gen,
      Set<String> trainTopologies,
      int targets,
      int budget,
      int candidates,
      long seed) {
    return count(
        gen,
        trainTopologies,
        SuiteTargets.draw("out-of-template", targets, seed),
        budget,
        candidates,
        seed);
  }

  /** The count on targets already drawn (e.g. to compare candidate counts on the same targets). */
  public static Result count(
      SpecGenerator gen,
      Set<String> trainTopologies,
      List<SuiteTargets.Target> suite,
      int budget,
      int candidates,
      long seed) {
    Map<String, Found> found = new LinkedHashMap<>();
    for (SuiteTargets.Target t : suite) {
      Generation g =
          gen.run(
              t.target(), Constraints.NONE, candidates, seed, budget, SpecGenerator.Arm.PIPELINE);
      for (Generation.Ranked r : g.ranked()) {
        if (r.meets()
            && !trainTopologies.contains(r.topology())
            && KnownTopologies.familyOf(r.topology()) == null
            && !found.containsKey(r.topology())) {
          found.put(
              r.topology(),
              new Found(r.topology(), r.source(), t.target().describe(), r.fit().circuit()));
        }
      }
    }
    return new Result(found.size(), suite.size(), budget, new ArrayList<>(found.values()));
  }
}
