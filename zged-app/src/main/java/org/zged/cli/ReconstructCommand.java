package org.zged.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.zged.InputException;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Datasets;
import org.zged.generate.AchievedSpecs;
import org.zged.generate.DecodedCircuit;
import org.zged.generate.ElementReport;
import org.zged.graph.TopologySignature;
import org.zged.model.ConsistentDecoder;
import org.zged.model.ModelExample;
import org.zged.model.ZgedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged reconstruct}: encode one dataset circuit and decode its latent mean. */
@Command(
    name = "reconstruct",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Encode a dataset circuit (by id; the full preset or --data) to μ and decode it back;"
            + " compare.")
public final class ReconstructCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--id",
      required = true,
      paramLabel = "ID",
      description = "Dataset record id (see zged dataset).")
  String id;

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

  @Option(
      names = "--consistency-samples",
      paramLabel = "N",
      defaultValue = "16",
      description =
          "Decode by agreement with the encoder: the argmax decode and N samples at T = 0.6,"
              + " the one whose re-encoded topology latent is nearest μ's kept (seeded, so the"
              + " same every run); 0 = the argmax decode alone (default: ${DEFAULT-VALUE}).")
  int consistencySamples;

  @Override
  public Integer call() throws Exception {
    if (consistencySamples < 0 || consistencySamples > 256) {
      throw new InputException(
          "--consistency-samples", "must be 0..256, got " + consistencySamples);
    }
    CircuitRecord record =
        dataset().records().stream()
            .filter(r -> r.id().equals(id.trim()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InputException(
                        "--id",
                        "no record '"
                            + id
                            + "' in "
                            + (dataFile == null ? "the full preset" : dataFile.toString())));
    float[] mu;
    DecodedCircuit decoded;
    try (ZgedModel model =
        modelFile == null ? ZgedModel.loadDefault() : ZgedModel.load(modelFile)) {
      mu = model.encode(new ModelExample(record.circuit(), record.poles(), record.zeros()));
      decoded =
          DecodedCircuit.of(
              new ConsistentDecoder(
                      model, consistencySamples, ConsistentDecoder.DEFAULT_TEMPERATURE)
                  .decodeAll(new float[][] {mu}, 42)
                  .get(0));
    }
    String originalKey = TopologySignature.of(record.circuit()).key();
    boolean same = decoded.valid() && originalKey.equals(decoded.topology());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("id", record.id());
      j.put("family", record.family().id());
      j.put("mu", mu);
      j.put(
          "original",
          Map.of(
              "elements",
              ElementReport.of(record.circuit()),
              "achieved",
              AchievedSpecs.of(record.specs())));
      j.put("decoded", decoded);
      j.put("topology_match", same);
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
    } else {
      out.println(
          "record "
              + record.id()
              + " ("
              + record.family().id()
              + ", "
              + record.split().name().toLowerCase()
              + " split)");
      StringBuilder z = new StringBuilder();
      for (float v : mu) {
        z.append(String.format(java.util.Locale.ROOT, " %+.3f", v));
      }
      out.println("mu =" + z);
      out.println("original: " + DecodedCircuit.of(record.circuit()).oneLine());
      out.println("decoded:  " + decoded.oneLine());
      out.println(same ? "topology reconstructed exactly" : "topology NOT reconstructed");
      if (decoded.valid() && same) {
        for (ElementReport e : decoded.elements()) {
          out.println(
              "  "
                  + e.name()
                  + " "
                  + e.nodes()
                  + " decoded "
                  + org.zged.fit.Units.value(
                      e.value(), org.zged.circuit.ElementKind.valueOf(e.kind())));
        }
      }
    }
    out.flush();
    return 0;
  }

  private org.zged.dataset.Dataset dataset() {
    return dataFile == null ? Datasets.full() : org.zged.dataset.DatasetReader.read(dataFile);
  }
}
