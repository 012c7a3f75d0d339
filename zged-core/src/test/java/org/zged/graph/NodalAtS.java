package org.zged.graph;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.hipparchus.complex.FieldComplex;
import org.hipparchus.complex.FieldComplexField;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;
import org.hipparchus.linear.Array2DRowFieldMatrix;
import org.hipparchus.linear.ArrayFieldVector;
import org.hipparchus.linear.FieldLUDecomposition;
import org.hipparchus.linear.FieldMatrix;
import org.hipparchus.linear.FieldVector;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * The test's own H(s) = V(vout)/V(vin): the complex nodal equations at one complex s, built element
 * by element and solved by LU decomposition in 40-digit decimal arithmetic (open-space circuits mix
 * admittances 10 decades apart, too much for double). No polynomials, no reduction: an independent
 * check of both the reduction rules and the analysis.
 */
public final class NodalAtS {
  private static final DfpField DFP = new DfpField(40);
  private static final FieldComplexField<Dfp> FIELD = FieldComplexField.getField(DFP);

  private NodalAtS() {}

  public static Complex h(Circuit circuit, Complex s) {
    List<String> unknown = new ArrayList<>();
    for (String n : circuit.nodes()) {
      if (!n.equals(Circuit.GND) && !n.equals(Circuit.VIN)) {
        unknown.add(n);
      }
    }
    int n = unknown.size();
    FieldComplex<Dfp> sx =
        new FieldComplex<>(DFP.newDfp(s.getReal()), DFP.newDfp(s.getImaginary()));
    FieldMatrix<FieldComplex<Dfp>> y = new Array2DRowFieldMatrix<>(FIELD, n, n);
    FieldVector<FieldComplex<Dfp>> rhs = new ArrayFieldVector<>(FIELD, n);
    for (Element e : circuit.elements()) {
      Dfp v = DFP.newDfp(e.value());
      FieldComplex<Dfp> adm =
          switch (e.kind()) {
            case R -> new FieldComplex<>(v.reciprocal(), DFP.getZero());
            case C -> sx.multiply(v);
            case L -> sx.multiply(v).reciprocal();
          };
      int a = unknown.indexOf(e.nodeA());
      int b = unknown.indexOf(e.nodeB());
      stamp(y, rhs, a, b, e.nodeB(), adm);
      stamp(y, rhs, b, a, e.nodeA(), adm);
    }
    FieldVector<FieldComplex<Dfp>> v = new FieldLUDecomposition<>(y).getSolver().solve(rhs);
    FieldComplex<Dfp> out = v.getEntry(unknown.indexOf(Circuit.VOUT));
    return new Complex(out.getRealPart().toDouble(), out.getImaginaryPart().toDouble());
  }

  /** The row of node {@code row} gains adm·(V(row) − V(other)); V(vin) = 1 moves to the rhs. */
  private static void stamp(
      FieldMatrix<FieldComplex<Dfp>> y,
      FieldVector<FieldComplex<Dfp>> rhs,
      int row,
      int other,
      String otherName,
      FieldComplex<Dfp> adm) {
    if (row < 0) {
      return;
    }
    y.addToEntry(row, row, adm);
    if (other >= 0) {
      y.addToEntry(row, other, adm.negate());
    } else if (otherName.equals(Circuit.VIN)) {
      rhs.setEntry(row, rhs.getEntry(row).add(adm));
    }
  }
}
