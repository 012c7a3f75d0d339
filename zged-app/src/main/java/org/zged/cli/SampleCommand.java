package org.zged.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.zged.InputException;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Datasets;
import org.zged.dataset.Split;
import org.zged.generate.DecodedCircuit;
import org.zged.graph.TopologySignature;
import org.zged.model.ZgedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged sample}: decode z ~ N(0, I) and report validity, uniqueness and novelty. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Sample circuits from the prior: z ~ N(0, I), decoded with temperature sampling.",
      "Reports structural validity, distinct topologies and novelty (topology not in the",
      "training split of the full preset)."
    })
public final class SampleCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", paramLabel = "N", description = "Samples, 1..100000 (default 10).")
  int count = 10;

  @Option(
      names = "--temperature",
      paramLabel = "T",
      description = "Sampling temperature > 0 (default 1.0).")
  double temperature = 1.0;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default 42).")
  long seed = 42;

  @Option(names = "--show", paramLabel = "N", description = "Circuits to list (default: up to 20).")
  Integer show;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description =
          "Dataset file (default: the full preset, regenerated in memory), e.g. an open-preset"
              + " file for a model trained on the open space.")
  java.nio.file.Path dataFile;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model file (default: the shipped model).")
  Path modelFile;

  @Override
  public Integer call() throws Exception {
    if (count < 1 || count > 100_000) {
      throw new InputException("--count", "must be between 1 and 100000, got " + count);
    }
    if (!(temperature > 0 && temperature <= 100)) {
      throw new InputException("--temperature", "must be > 0 and <= 100, got " + temperature);
    }
    Set<String> training = new HashSet<>();
    for (CircuitRecord r : dataset().records()) {
      if (r.split() == Split.TRAIN) {
        training.add(TopologySignature.of(r.circuit()).key());
      }
    }
    List<DecodedCircuit> circuits = new ArrayList<>();
    try (ZgedModel model =
        modelFile == null ? ZgedModel.loadDefault() : ZgedModel.load(modelFile)) {
      int dims = model.config().latentDims();
      SplittableRandom rng = new SplittableRandom(seed);
      float[][] zs = new float[count][dims];
      for (float[] z : zs) {
        for (int i = 0; i < dims; i++) {
          z[i] = (float) org.zged.math.Gaussians.next(rng);
        }
      }
      model.decodeAll(zs, temperature, seed).forEach(d -> circuits.add(DecodedCircuit.of(d)));
    }
    long valid = circuits.stream().filter(DecodedCircuit::valid).count();
    Set<String> unique = new HashSet<>();
    Set<String> novelTopologies = new HashSet<>();
    long novel = 0;
    for (DecodedCircuit c : circuits) {
      if (c.valid()) {
        unique.add(c.topology());
        if (!training.contains(c.topology())) {
          novel++;
          novelTopologies.add(c.topology());
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    int listed = Math.min(count, show == null ? 20 : show);
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("count", count);
      j.put("temperature", temperature);
      j.put("validity", valid / (double) count);
      j.put("unique_topologies", unique.size());
      j.put("novelty", valid == 0 ? 0 : novel / (double) valid);
      j.put("novel_topologies", List.copyOf(novelTopologies));
      j.put("circuits", circuits.subList(0, listed));
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
    } else {
      for (int i = 0; i < listed; i++) {
        out.printf(Locale.ROOT, "%4d  %s%n", i + 1, circuits.get(i).oneLine());
      }
      out.printf(
          Locale.ROOT,
          "%nprior samples at T = %s: %d/%d structurally valid (%.1f%%), %d distinct topologies,"
              + " %d novel (%.1f%% of valid; %d novel topologies)%n",
          org.zged.fit.Units.plain(temperature),
          valid,
          count,
          100.0 * valid / count,
          unique.size(),
          novel,
          valid == 0 ? 0 : 100.0 * novel / valid,
          novelTopologies.size());
    }
    out.flush();
    return 0;
  }

  private org.zged.dataset.Dataset dataset() {
    return dataFile == null ? Datasets.full() : org.zged.dataset.DatasetReader.read(dataFile);
  }
}
