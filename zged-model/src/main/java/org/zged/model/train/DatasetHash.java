package org.zged.model.train;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Element;
import org.zged.model.ModelExample;

/**
 * The SHA-256 of exactly what a run trains and selects on: every training and validation example in
 * order (element names, kinds, nodes and the bits of each value; the bits of every pole and zero).
 * Two datasets hash alike only if training would see the same numbers, whether they came from a
 * preset regenerated in memory or from a file, so {@code --resume} can refuse other data.
 */
final class DatasetHash {
  private DatasetHash() {}

  static String of(List<ModelExample> train, List<ModelExample> val) {
    MessageDigest sha = sha256();
    part(sha, "train", train);
    part(sha, "val", val);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void part(MessageDigest sha, String name, List<ModelExample> examples) {
    text(sha, name);
    num(sha, examples.size());
    for (ModelExample ex : examples) {
      List<Element> elements = ex.circuit().elements();
      num(sha, elements.size());
      for (Element e : elements) {
        text(sha, e.name());
        text(sha, e.kind().name());
        text(sha, e.nodeA());
        text(sha, e.nodeB());
        num(sha, Double.doubleToLongBits(e.value()));
      }
      roots(sha, ex.poles());
      roots(sha, ex.zeros());
    }
  }

  private static void roots(MessageDigest sha, List<Complex> roots) {
    num(sha, roots.size());
    for (Complex c : roots) {
      num(sha, Double.doubleToLongBits(c.getReal()));
      num(sha, Double.doubleToLongBits(c.getImaginary()));
    }
  }

  private static void text(MessageDigest sha, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    num(sha, b.length); // length-prefixed, so ("ab","c") and ("a","bc") differ
    sha.update(b);
  }

  private static void num(MessageDigest sha, long v) {
    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(v).array());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
