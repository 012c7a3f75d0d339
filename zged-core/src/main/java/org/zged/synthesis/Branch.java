package org.zged.synthesis;

import java.util.List;
import org.zged.circuit.ElementKind;

/** The impedance of a ladder arm as a tree of inductors and capacitors in series and parallel. */
public sealed interface Branch {
  /** One L or C (value in H or F). */
  record Part(ElementKind kind, double value) implements Branch {}

  record Series(List<Branch> parts) implements Branch {
    public Series {
      parts = List.copyOf(parts);
    }
  }

  record Parallel(List<Branch> parts) implements Branch {
    public Parallel {
      parts = List.copyOf(parts);
    }
  }

  static Branch l(double h) {
    return new Part(ElementKind.L, h);
  }

  static Branch c(double f) {
    return new Part(ElementKind.C, f);
  }

  /** How many L and C parts the branch has. */
  default int count() {
    if (this instanceof Series s) {
      return s.parts().stream().mapToInt(Branch::count).sum();
    }
    if (this instanceof Parallel p) {
      return p.parts().stream().mapToInt(Branch::count).sum();
    }
    return 1;
  }
}
