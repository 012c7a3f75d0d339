package org.zged.model;

import java.util.List;
import org.hipparchus.complex.Complex;

/** Poles and zeros (rad/s) read from the transfer-function head: slots whose presence is > 0.5. */
public record TfPrediction(List<Complex> poles, List<Complex> zeros) {
  public TfPrediction {
    poles = List.copyOf(poles);
    zeros = List.copyOf(zeros);
  }
}
