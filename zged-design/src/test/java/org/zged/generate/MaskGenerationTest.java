package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.mask.Band;
import org.zged.mask.Mask;
import org.zged.mask.MaskVerifier;

/** Generation against general masks: every arm under the general checks, and the diagnosis. */
class MaskGenerationTest extends ShippedModelTest {
  static final Mask LOWPASS = Mask.lowpass(1e3, 1, 3e3, 30);

  /**
   * A low-pass that must also notch 60 Hz: realizable, since the circuit below (a parallel LC tank
   * in series, tuned to 60 Hz, then a shunt C, 100 Ω terminations) meets it — checked first.
   */
  static final Mask NOTCHED_LOWPASS =
      new Mask(
          ResponseClass.OTHER,
          List.of(
              new Band(Band.Kind.PASS, 0, 10, 1),
              new Band(Band.Kind.STOP, 59, 61, 30),
              new Band(Band.Kind.PASS, 200, 1000, 2),
              new Band(Band.Kind.STOP, 1e4, Double.POSITIVE_INFINITY, 8)));

  static Circuit notchSource() {
    double l = 1;
    double c = 1 / (Math.pow(2 * Math.PI * 60, 2) * l);
    return Circuit.builder()
        .r("R1", "vin", "n1", 100)
        .l("L1", "n1", "vout", l)
        .c("C1", "n1", "vout", c)
        .c("C2", "vout", "0", 1e-6)
        .r("R2", "vout", "0", 100)
        .build();
  }

  @Test
  void everyArmPassesTheGeneralChecksOnAMaskAndTaggsItsSource() {
    MaskGoal goal = MaskGoal.of(LOWPASS);
    assertTrue(goal.classicalApplies());
    for (SpecGenerator.Arm arm : SpecGenerator.Arm.values()) {
      Generation g = generator.run(goal, Constraints.NONE, 2, 3, 1500, arm);
      GenerationChecks.check(g, Constraints.NONE);
      assertTrue(
          g.analyses() < 1500 + 2 * SearchRun.MASK_FIT_EVALUATIONS, arm + " " + g.analyses());
      for (Generation.Ranked r : g.ranked()) {
        assertNotNull(r.margins(), "mask margins on every candidate");
        assertTrue(
            arm == SpecGenerator.Arm.PIPELINE || sourceOf(arm, r.source()),
            arm + " tagged " + r.source());
      }
    }
  }

  private static boolean sourceOf(SpecGenerator.Arm arm, String source) {
    return switch (arm) {
      case VAE -> source.startsWith("vae-");
      case TEMPLATES ->
          source.equals("closed-form")
              || source.equals("ladder")
              || source.equals(NotchSections.SOURCE);
      case RANDOM -> source.equals("random");
      case EVOLUTIONARY -> source.equals("evolutionary");
      case CLASSICAL -> source.equals("classical");
      case PIPELINE -> true;
    };
  }

  @Test
  void thePipelineMeetsALowpassMaskWithNoMorePartsThanTheClassicalLadder() {
    MaskGoal goal = MaskGoal.of(LOWPASS);
    Generation g = generator.generate(goal, Constraints.NONE, 3, 1);
    GenerationChecks.check(g, Constraints.NONE);
    assertTrue(g.met(), g.diagnosis());
    assertNull(g.diagnosis());
    int ladder = goal.classical().circuit().elements().size();
    assertTrue(g.ranked().get(0).parts() <= ladder, g.ranked().get(0).parts() + " > " + ladder);
    Generation classical =
        generator.run(goal, Constraints.NONE, 1, 1, 100, SpecGenerator.Arm.CLASSICAL);
    assertTrue(classical.met(), classical.diagnosis());
    assertEquals("classical", classical.ranked().get(0).source());
  }

  @Test
  void aNotchedLowpassIsRealizableAndClassicalSynthesisSaysItDoesNotApply() {
    assertTrue(MaskVerifier.verify(NOTCHED_LOWPASS, notchSource()).meets(), "the source meets it");
    MaskGoal goal = MaskGoal.of(NOTCHED_LOWPASS);
    assertFalse(goal.classicalApplies());
    assertTrue(goal.classicalNote().contains("does not apply"), goal.classicalNote());
    // the prototype carries the notch: a zero pair on the jω axis inside the 59–61 Hz stopband
    assertTrue(
        goal.prototype().zeros().stream()
            .anyMatch(
                z ->
                    z.getReal() == 0
                        && z.getImaginary() > 2 * Math.PI * 59
                        && z.getImaginary() < 2 * Math.PI * 61),
        goal.prototype().zeros().toString());
    Generation classical =
        generator.run(goal, Constraints.NONE, 1, 1, 100, SpecGenerator.Arm.CLASSICAL);
    assertTrue(classical.ranked().isEmpty());
    assertTrue(classical.diagnosis().matches(".*\\d.*"), classical.diagnosis());
    Generation g = generator.run(goal, Constraints.NONE, 1, 1, 6000, SpecGenerator.Arm.PIPELINE);
    GenerationChecks.check(g, Constraints.NONE);
  }

  @Test
  void aPartsLimitBelowTheClassicalOrderIsDiagnosedWithBothNumbers() {
    Mask sharp = Mask.lowpass(1e3, 0.5, 1.5e3, 50);
    MaskGoal goal = MaskGoal.of(sharp);
    int poles = goal.classical().ideal().poles().size();
    assertTrue(poles >= 4, "a sharp mask: " + poles + " poles");
    Constraints c = Constraints.builder().optMaxParts(3).build();
    Generation g = generator.run(goal, c, 1, 1, 800, SpecGenerator.Arm.PIPELINE);
    assertFalse(g.met());
    assertTrue(
        g.diagnosis().contains("has " + poles + " poles") && g.diagnosis().contains("allows 3"),
        g.diagnosis());
    GenerationChecks.check(g, c);
  }
}
