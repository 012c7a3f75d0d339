package org.zged.model.inference;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.zged.model.ModelFile;

/**
 * A model file's parameters looked up by block path ("decoder", "pair_query", "weight"), without
 * the position prefixes DJL puts in front of child names ("02decoder_06pair_query_weight"). Records
 * every name it hands out, so a forward pass can check that it used all parameters of its part: a
 * parameter it never read means the network has a layer this Java code does not know.
 */
final class Weights {
  private final Map<String, ModelFile.Tensor> byPlainName = new HashMap<>();
  private final Set<String> used = new TreeSet<>();

  Weights(Map<String, ModelFile.Tensor> parameters) {
    for (var e : parameters.entrySet()) {
      byPlainName.put(plain(e.getKey()), e.getValue());
    }
  }

  /** "01encoder_09tf_01phi1_weight" → "encoder_tf_phi1_weight" (digits of "mp0" stay). */
  static String plain(String djlName) {
    return djlName.replaceAll("(^|_)\\d+(?=[a-z])", "$1");
  }

  /** The tensor at this path with exactly this shape; throws {@link Unsupported} otherwise. */
  float[] get(String path, long... shape) {
    ModelFile.Tensor t = byPlainName.get(path);
    if (t == null) {
      throw new Unsupported("no parameter " + path);
    }
    if (!java.util.Arrays.equals(t.shape(), shape)) {
      throw new Unsupported(
          "parameter "
              + path
              + " has shape "
              + java.util.Arrays.toString(t.shape())
              + ", expected "
              + java.util.Arrays.toString(shape));
    }
    used.add(path);
    return t.values();
  }

  /** An affine layer {@code path_weight [in,out]}, {@code path_bias [out]}. */
  Affine affine(String path, int in, int out) {
    return new Affine(get(path + "_weight", in, out), get(path + "_bias", out), in, out);
  }

  /** Throws {@link Unsupported} when a parameter under {@code prefix} was never read. */
  void requireAllUsed(String prefix) {
    for (String name : byPlainName.keySet()) {
      if (name.startsWith(prefix) && !used.contains(name)) {
        throw new Unsupported("parameter " + name + " is not used by the Java forward pass");
      }
    }
  }

  /** The network has a part this Java forward pass does not implement. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message, null, false, false);
    }
  }
}
