package org.zged.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.zged.InputException;
import org.zged.circuit.Circuit;
import org.zged.model.inference.DecoderOutput;
import org.zged.model.inference.JavaInference;
import org.zged.model.nn.ZgedNetwork;

/**
 * A trained hierarchical graph VAE: encode circuits to the 8-D latent (μ), decode latents back to
 * circuits, and read the transfer function the latent stands for. All public methods are
 * synchronized, so one instance can serve several threads. Batch methods run one forward pass for
 * the whole list.
 */
public final class ZgedModel implements AutoCloseable {
  /** Classpath location of the shipped model. */
  public static final String DEFAULT_RESOURCE = "/org/zged/model/production.zged";

  private final ZgedNetwork network;
  private final GraphDecoder graphDecoder;
  private com.fasterxml.jackson.databind.JsonNode provenance;
  // The native engine starts on first need (encoding, training): a model read from a file decodes
  // with the plain Java forward pass when that covers its network (org.zged.model.inference).
  private NDManager manager;
  private ParameterStore store;
  private Map<String, ModelFile.Tensor> fileWeights; // the file's weights until the engine starts
  private JavaInference javaInference; // null once the weights may change (training) or unsupported

  private ZgedModel(NDManager manager, ZgedNetwork network) {
    this.manager = manager;
    this.network = network;
    this.store = new ParameterStore(manager, false);
    this.graphDecoder = new GraphDecoder(network.config());
  }

  private ZgedModel(ZgedNetwork network, Map<String, ModelFile.Tensor> weights) {
    this.network = network;
    this.graphDecoder = new GraphDecoder(network.config());
    this.fileWeights = weights;
    this.javaInference = JavaInference.of(network.config(), weights);
  }

  /** A new, randomly initialised model (weights drawn from {@code seed}). */
  public static ZgedModel create(ModelConfig cfg, long seed) {
    DjlEnvironment.prepare();
    NDManager m = NDManager.newBaseManager();
    ZgedNetwork net = new ZgedNetwork(cfg);
    NoGrad.run(() -> net.create(m, seed));
    return new ZgedModel(m, net);
  }

  public static ZgedModel load(Path file) {
    return fromFile(ModelFile.read(file), file.toString());
  }

  /** The model shipped with zged (trained from configs/production.yaml). */
  public static ZgedModel loadDefault() {
    try (InputStream in = ZgedModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new InputException("default model", "not bundled (" + DEFAULT_RESOURCE + ")");
      }
      return fromFile(ModelFile.read(in, "default model"), "default model");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ZgedModel fromFile(ModelFile file, String where) {
    ZgedNetwork net = new ZgedNetwork(file.config(where)); // the structure only: no engine yet
    ZgedModel model = new ZgedModel(net, checkedParameters(net, file.section("parameters"), where));
    model.provenance = file.header().get("provenance");
    return model;
  }

  /** Starts the native engine with this model's weights (once); the caller holds the lock. */
  private void engine() {
    if (manager != null) {
      return;
    }
    DjlEnvironment.prepare();
    NDManager m = NDManager.newBaseManager();
    NoGrad.run(() -> network.create(m, 0L));
    manager = m;
    store = new ParameterStore(m, false);
    Map<String, ModelFile.Tensor> w = fileWeights;
    NoGrad.run(() -> copyParameters(w));
    fileWeights = null;
  }

  /** Writes the weights, with the provenance they were loaded with (if any). */
  public synchronized void save(Path file) throws IOException {
    new ModelFile(ModelFile.newHeader(config(), provenance), Map.of("parameters", parameters()))
        .write(file);
  }

  /**
   * Where the weights came from (training config, dataset hash and preset, seed, source commit), or
   * null for a model file written before zged recorded it or a freshly created model.
   */
  public com.fasterxml.jackson.databind.JsonNode provenance() {
    return provenance;
  }

  public ModelConfig config() {
    return network.config();
  }

  /** Parameter counts per part (encoder, decoder, tf_head) and "total". */
  public Map<String, Long> parameterCounts() {
    return network.parameterCounts();
  }

  /** The latent mean μ of a circuit; its poles and zeros come from the exact analysis. */
  public float[] encode(Circuit circuit) {
    return encode(ModelExample.of(circuit));
  }

  /** Latent means of many circuits (exact analysis for each), in one forward pass. */
  public float[][] encodeAll(Collection<Circuit> circuits) {
    List<ModelExample> examples = new ArrayList<>(circuits.size());
    for (Circuit c : circuits) {
      examples.add(ModelExample.of(c));
    }
    return encodeExamples(examples);
  }

  /** The latent mean μ of one circuit with its poles and zeros. */
  public float[] encode(ModelExample example) {
    return encodeExamples(List.of(example))[0];
  }

  /** Latent means of many circuits in one forward pass. */
  public float[][] encodeAll(List<ModelExample> examples) {
    return encodeExamples(examples);
  }

  /**
   * Circuits (or latents) per forward pass: pair tensors grow with n², so a 16-node grid goes in
   * chunks of 256 (a 5-node one in chunks of 2,621, which keeps its splits in one pass). The whole
   * test_unseen split of the open preset in one pass needed more than 21 GB.
   */
  int chunk() {
    int n = config().maxNodes();
    return Math.max(1, 65_536 / (n * n));
  }

  /** Latent means of many circuits with their poles and zeros, in passes of {@link #chunk()}. */
  public synchronized float[][] encodeExamples(List<ModelExample> examples) {
    int step = chunk();
    if (examples.size() <= step) {
      return encodeChunk(examples);
    }
    float[][] out = new float[examples.size()][];
    for (int from = 0; from < examples.size(); from += step) {
      int to = Math.min(examples.size(), from + step);
      float[][] part = encodeChunk(examples.subList(from, to));
      System.arraycopy(part, 0, out, from, part.length);
    }
    return out;
  }

  private float[][] encodeChunk(List<ModelExample> examples) {
    if (examples.isEmpty()) {
      return new float[0][];
    }
    GraphBatch batch = GraphBatch.of(examples, config());
    engine();
    return NoGrad.call(
        () -> {
          try (NDManager sub = manager.newSubManager()) {
            NDArray mu = network.encoder().apply(store, batch.inputs(sub), false).get(0);
            return rows(mu);
          }
        });
  }

  /** The 4-D μ of the transfer-function part for a set of poles and zeros (rad/s). */
  public synchronized float[] encodeTransferFunction(List<Complex> poles, List<Complex> zeros) {
    ModelConfig cfg = config();
    float[] p = new float[cfg.maxPoles() * 2];
    float[] pm = new float[cfg.maxPoles()];
    float[] z = new float[cfg.maxZeros() * 2];
    float[] zm = new float[cfg.maxZeros()];
    GraphBatch.putRoots(poles, p, pm, 0, cfg.maxPoles());
    GraphBatch.putRoots(zeros, z, zm, 0, cfg.maxZeros());
    if (javaInference != null) {
      return Arrays.copyOf(javaInference.encodeTransferFunction(p, pm, z, zm), cfg.tfDims());
    }
    engine();
    return NoGrad.call(() -> tfMean(cfg, p, pm, z, zm));
  }

  private float[] tfMean(ModelConfig cfg, float[] p, float[] pm, float[] z, float[] zm) {
    try (NDManager sub = manager.newSubManager()) {
      NDArray out =
          network
              .encoder()
              .tfEncoder()
              .apply(
                  store,
                  org.zged.model.nn.Tensors.of(sub, p, new Shape(1, cfg.maxPoles(), 2)),
                  org.zged.model.nn.Tensors.of(sub, pm, new Shape(1, cfg.maxPoles())),
                  org.zged.model.nn.Tensors.of(sub, z, new Shape(1, cfg.maxZeros(), 2)),
                  org.zged.model.nn.Tensors.of(sub, zm, new Shape(1, cfg.maxZeros())),
                  false);
      return out.get(":, :" + cfg.tfDims()).toFloatArray();
    }
  }

  /** Deterministic decode: argmax node and edge classes, predicted values. */
  public DecodeResult decode(float[] z) {
    return decodeAll(new float[][] {z}).get(0);
  }

  /** Sampled decode: node and edge classes drawn at {@code temperature} from an RNG seeded once. */
  public DecodeResult decode(float[] z, double temperature, long seed) {
    return decodeAll(new float[][] {z}, temperature, seed).get(0);
  }

  /**
   * Deterministic decodes of many latents. Edges are decoded under the structural rules of {@link
   * ValidCompletion}, so every result is a connected filter with VIN → VOUT → GND paths, no
   * dangling node and no element across the source, and under the filter rule of {@link
   * GraphDecoder} (an exact zero of H at s → 0 or ∞ by {@link FilterCompletion}, or a completion
   * the exact analysis finds to be a low-/high-/band-pass or band-stop), so every result filters
   * (validity by construction).
   */
  public List<DecodeResult> decodeAll(float[][] zs) {
    return decodeInternal(zs, 1.0, null, true);
  }

  /** Sampled decodes of many latents; one RNG seeded with {@code seed} draws for all, in order. */
  public List<DecodeResult> decodeAll(float[][] zs, double temperature, long seed) {
    return decodeAll(zs, temperature, seed, true);
  }

  /**
   * As {@link #decodeAll(float[][], double, long)}; {@code constrained = false} gives the network's
   * own choices without the structural rules (what {@code prior.raw_validity} measures).
   */
  public List<DecodeResult> decodeAll(
      float[][] zs, double temperature, long seed, boolean constrained) {
    if (!(temperature > 0)) {
      throw new InputException("temperature", "must be > 0, got " + temperature);
    }
    return decodeInternal(zs, temperature, new SplittableRandom(seed), constrained);
  }

  /** Argmax decodes without the structural rules. */
  public List<DecodeResult> decodeAllUnconstrained(float[][] zs) {
    return decodeInternal(zs, 1.0, null, false);
  }

  private synchronized List<DecodeResult> decodeInternal(
      float[][] zs, double temperature, SplittableRandom rng, boolean constrained) {
    List<DecodeResult> out = new ArrayList<>(zs.length);
    if (zs.length == 0) {
      return out;
    }
    checkLatents(zs);
    int step = chunk();
    for (int from = 0; from < zs.length; from += step) {
      float[][] part = Arrays.copyOfRange(zs, from, Math.min(zs.length, from + step));
      decodeChunk(part, temperature, rng, constrained, out);
    }
    return out;
  }

  private void decodeChunk(
      float[][] zs,
      double temperature,
      SplittableRandom rng,
      boolean constrained,
      List<DecodeResult> out) {
    DecoderOutput dec = decoderOutput(zs);
    int n = config().maxNodes();
    int ns = n * 5;
    int es = n * n * 8;
    int vs = n * n * 3;
    for (int b = 0; b < zs.length; b++) {
      float[] nodes = Arrays.copyOfRange(dec.nodeLogits(), b * ns, (b + 1) * ns);
      out.add(
          dec.edgeModels() != null
              ? graphDecoder.decode(nodes, dec.edgeModels().get(b), temperature, rng, constrained)
              : graphDecoder.decode(
                  nodes,
                  Arrays.copyOfRange(dec.edgeLogProbs(), b * es, (b + 1) * es),
                  Arrays.copyOfRange(dec.values(), b * vs, (b + 1) * vs),
                  temperature,
                  rng,
                  constrained));
    }
  }

  /**
   * The raw decoder outputs for these latents (on the autoregressive edge path: its greedy decode),
   * for training's validation metrics.
   */
  public synchronized DecoderOutput decoderOutputs(float[][] zs) {
    checkLatents(zs);
    return decoderOutput(zs);
  }

  /**
   * The decoder's outputs for these latents: from the Java forward pass when it covers the network,
   * else from the engine. The autoregressive edge path decodes pair by pair, which only the Java
   * pass does; while training changes the weights it runs on a snapshot of them.
   */
  private DecoderOutput decoderOutput(float[][] zs) {
    if (javaInference != null) {
      return javaInference.decode(zs);
    }
    engine();
    if (config().autoregressiveEdges()) {
      JavaInference snapshot = JavaInference.of(config(), parameters());
      if (snapshot == null) {
        throw new IllegalStateException("the Java forward pass does not cover this network");
      }
      return snapshot.decode(zs);
    }
    return NoGrad.call(() -> engineDecode(zs));
  }

  private DecoderOutput engineDecode(float[][] zs) {
    try (NDManager sub = manager.newSubManager()) {
      NDList dec = network.decoder().apply(store, latents(sub, zs), false);
      return new DecoderOutput(
          dec.get(0).toFloatArray(), dec.get(1).toFloatArray(), dec.get(2).toFloatArray());
    }
  }

  /** The poles and zeros the transfer-function head reads from z. */
  public synchronized TfPrediction predictTransferFunction(float[] z) {
    engine();
    return NoGrad.call(() -> tfPrediction(z));
  }

  private TfPrediction tfPrediction(float[] z) {
    ModelConfig cfg = config();
    try (NDManager sub = manager.newSubManager()) {
      NDList tf = network.tfHead().apply(store, latents(sub, new float[][] {z}), false);
      return new TfPrediction(
          roots(tf.get(0).toFloatArray(), tf.get(1).toFloatArray(), cfg.maxPoles()),
          roots(tf.get(2).toFloatArray(), tf.get(3).toFloatArray(), cfg.maxZeros()));
    }
  }

  private static List<Complex> roots(float[] pts, float[] logits, int max) {
    List<Complex> out = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      if (logits[i] > 0) {
        out.add(PoleZeroCodec.decode(pts[2 * i], pts[2 * i + 1]));
      }
    }
    return out;
  }

  private void checkLatents(float[][] zs) {
    int dims = config().latentDims();
    for (float[] z : zs) {
      if (z.length != dims) {
        throw new InputException("z", "expected " + dims + " dimensions, got " + z.length);
      }
    }
  }

  private NDArray latents(NDManager sub, float[][] zs) {
    checkLatents(zs);
    int dims = config().latentDims();
    float[] flat = new float[zs.length * dims];
    for (int i = 0; i < zs.length; i++) {
      System.arraycopy(zs[i], 0, flat, i * dims, dims);
    }
    return org.zged.model.nn.Tensors.of(sub, flat, new Shape(zs.length, dims));
  }

  private static float[][] rows(NDArray a) {
    int b = (int) a.getShape().get(0);
    int d = (int) a.getShape().get(1);
    float[] flat = a.toFloatArray();
    float[][] out = new float[b][];
    for (int i = 0; i < b; i++) {
      out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
    }
    return out;
  }

  // ---- used by training: handing out the network lets the weights change, so from here on this
  // model runs on the engine only ----

  public synchronized ZgedNetwork network() {
    training();
    return network;
  }

  public synchronized NDManager manager() {
    training();
    return manager;
  }

  public synchronized ParameterStore parameterStore() {
    training();
    return store;
  }

  private void training() {
    engine();
    javaInference = null;
  }

  /** A copy of every parameter, by its hierarchical name. */
  public synchronized Map<String, ModelFile.Tensor> parameters() {
    Map<String, ModelFile.Tensor> out = new LinkedHashMap<>();
    if (manager == null) {
      fileWeights.forEach(
          (k, t) -> out.put(k, new ModelFile.Tensor(t.shape().clone(), t.values().clone())));
      return out;
    }
    for (Pair<String, Parameter> p : network.getParameters()) {
      NDArray a = p.getValue().getArray();
      out.put(p.getKey(), new ModelFile.Tensor(a.getShape().getShape(), a.toFloatArray()));
    }
    return out;
  }

  public synchronized void setParameters(Map<String, ModelFile.Tensor> values, String where) {
    Map<String, ModelFile.Tensor> checked = checkedParameters(network, values, where);
    training();
    NoGrad.run(() -> copyParameters(checked));
  }

  /** The network's parameters from {@code values}, in network order; each present, right shape. */
  private static Map<String, ModelFile.Tensor> checkedParameters(
      ZgedNetwork network, Map<String, ModelFile.Tensor> values, String where) {
    Map<String, ModelFile.Tensor> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : network.getParameters()) {
      ModelFile.Tensor t = values.get(p.getKey());
      if (t == null) {
        throw new InputException(where, "parameter " + p.getKey() + " is missing");
      }
      Shape expected = p.getValue().getShape();
      if (!expected.equals(new Shape(t.shape()))) {
        throw new InputException(
            where,
            "parameter "
                + p.getKey()
                + " has shape "
                + new Shape(t.shape())
                + ", expected "
                + expected);
      }
      out.put(p.getKey(), t);
    }
    return out;
  }

  private void copyParameters(Map<String, ModelFile.Tensor> checked) {
    for (Pair<String, Parameter> p : network.getParameters()) {
      org.zged.model.nn.Tensors.copyInto(p.getValue().getArray(), checked.get(p.getKey()).values());
    }
  }

  @Override
  public synchronized void close() {
    if (manager != null) {
      manager.close();
    }
  }
}
