package org.zged.circuit;

/** The role of a node in a filter circuit; the order is the graph's node order. */
public enum NodeType {
  GND,
  VIN,
  VOUT,
  INTERNAL;

  public static NodeType of(String canonicalName) {
    return switch (canonicalName) {
      case Circuit.GND -> GND;
      case Circuit.VIN -> VIN;
      case Circuit.VOUT -> VOUT;
      default -> INTERNAL;
    };
  }
}
