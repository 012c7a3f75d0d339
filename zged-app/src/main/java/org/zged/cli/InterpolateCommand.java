package org.zged.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.zged.InputException;
import org.zged.dataset.Datasets;
import org.zged.dataset.FilterFamily;
import org.zged.generate.DecodedCircuit;
import org.zged.generate.LatentPaths;
import org.zged.generate.ReferenceSet;
import org.zged.model.ZgedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged interpolate}: walk the latent space between two circuits or family centroids. */
@Command(
    name = "interpolate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Decode points on the path between two latents and report where the topology changes.",
      "A and B are family names (the family's latent centroid over the full preset) or dataset",
      "record ids (their latent mean)."
    })
public final class InterpolateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "A",
      description = "Family name or dataset id.")
  String from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "B",
      description = "Family name or dataset id.")
  String to;

  @Option(
      names = "--steps",
      paramLabel = "N",
      description = "Points including both ends, 2..101 (default 7).")
  int steps = 7;

  @Option(names = "--slerp", description = "Spherical instead of linear interpolation.")
  boolean slerp;

  @Option(
      names = "--part",
      paramLabel = "PART",
      description =
          "Latent group to move: all, topology, values or tf (default all); the other groups"
              + " stay at A's.")
  String part = "all";

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model file (default: the shipped model).")
  Path modelFile;

  @Override
  public Integer call() throws Exception {
    if (steps < 2 || steps > 101) {
      throw new InputException("--steps", "must be between 2 and 101, got " + steps);
    }
    if (!List.of("all", "topology", "values", "tf").contains(part)) {
      throw new InputException("--part", "must be all, topology, values or tf, got '" + part + "'");
    }
    List<Map<String, Object>> points = new ArrayList<>();
    List<Integer> changes = new ArrayList<>();
    int[] range;
    var data = Datasets.full();
    // Check both names before the model is loaded, so a typo fails fast.
    for (String[] nameAndFlag : new String[][] {{from, "--from"}, {to, "--to"}}) {
      String key = nameAndFlag[0].trim();
      boolean known =
          FilterFamily.ids().stream().anyMatch(id -> id.equalsIgnoreCase(key.replace('-', '_')))
              || data.records().stream().anyMatch(r -> r.id().equals(key));
      if (!known) {
        throw unknown(nameAndFlag[0], nameAndFlag[1]);
      }
    }
    try (ZgedModel model =
        modelFile == null ? ZgedModel.loadDefault() : ZgedModel.load(modelFile)) {
      ReferenceSet ref = ReferenceSet.encode(model, data);
      float[] a = latent(ref, from, "--from");
      float[] b = latent(ref, to, "--to");
      var mc = model.config();
      range =
          switch (part) {
            case "topology" -> new int[] {0, mc.topologyDims()};
            case "values" -> new int[] {mc.topologyDims(), mc.topologyDims() + mc.valueDims()};
            case "tf" -> new int[] {mc.topologyDims() + mc.valueDims(), mc.latentDims()};
            default -> new int[] {0, mc.latentDims()};
          };
      float[] subA = java.util.Arrays.copyOfRange(a, range[0], range[1]);
      float[] subB = java.util.Arrays.copyOfRange(b, range[0], range[1]);
      float[][] zs = new float[steps][];
      for (int i = 0; i < steps; i++) {
        double t = i / (double) (steps - 1);
        float[] sub = slerp ? LatentPaths.slerp(subA, subB, t) : LatentPaths.lerp(subA, subB, t);
        zs[i] = a.clone();
        System.arraycopy(sub, 0, zs[i], range[0], sub.length);
      }
      String previous = null;
      var decoded = model.decodeAll(zs);
      for (int i = 0; i < steps; i++) {
        DecodedCircuit c = DecodedCircuit.of(decoded.get(i));
        String key = c.valid() ? c.topology() : "invalid";
        boolean changed = previous != null && !key.equals(previous);
        if (changed) {
          changes.add(i);
        }
        previous = key;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", i / (double) (steps - 1));
        p.put("topology_changed", changed);
        p.put("z", zs[i]);
        p.put("circuit", c);
        points.add(p);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("from", from);
      j.put("to", to);
      j.put("method", slerp ? "slerp" : "linear");
      j.put("part", part);
      j.put("moved_dims", List.of(range[0], range[1]));
      j.put("points", points);
      j.put("topology_changes_at", changes.stream().map(i -> i / (double) (steps - 1)).toList());
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
    } else {
      out.printf(
          Locale.ROOT,
          "%s interpolation from %s to %s, %d steps, moving %s%n",
          slerp ? "spherical" : "linear",
          from,
          to,
          steps,
          part.equals("all") ? "the whole latent" : "the " + part + " group only");
      for (Map<String, Object> p : points) {
        out.printf(
            Locale.ROOT,
            "  alpha %.3f  %s%s%n",
            (double) p.get("alpha"),
            ((DecodedCircuit) p.get("circuit")).oneLine(),
            (boolean) p.get("topology_changed") ? "   <- topology changes" : "");
      }
      out.printf(
          Locale.ROOT,
          "%d topology change(s)%s%n",
          changes.size(),
          changes.isEmpty()
              ? ""
              : " at alpha "
                  + String.join(
                      ", ",
                      changes.stream()
                          .map(i -> String.format(Locale.ROOT, "%.3f", i / (double) (steps - 1)))
                          .toList()));
    }
    out.flush();
    return 0;
  }

  static float[] latent(ReferenceSet ref, String name, String flag) {
    String key = name.trim();
    for (FilterFamily f : FilterFamily.values()) {
      if (f.id().equalsIgnoreCase(key.replace('-', '_'))) {
        return ref.centroid(f.id());
      }
    }
    ReferenceSet.Entry e = ref.byId(key);
    if (e == null) {
      throw unknown(name, flag);
    }
    return e.mu();
  }

  private static InputException unknown(String name, String flag) {
    return new InputException(
        flag,
        "'"
            + name
            + "' is neither a family ("
            + String.join(", ", FilterFamily.ids())
            + ") nor a dataset id");
  }
}
