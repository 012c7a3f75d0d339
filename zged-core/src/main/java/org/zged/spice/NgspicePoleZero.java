package org.zged.spice;

import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * The result of ngspice's {@code .pz} analysis (rad/s). ngspice's pole-zero search is an iteration
 * that often gives up; {@code converged} is false then and the lists are what it found.
 */
public record NgspicePoleZero(List<Complex> poles, List<Complex> zeros, boolean converged) {
  public NgspicePoleZero {
    poles = List.copyOf(poles);
    zeros = List.copyOf(zeros);
  }
}
