package org.zged.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The cached history.csv is the text of formatting every row again, as the history grows. */
class HistoryFilesTest {
  @Test
  void cachedRowsGiveTheTextOfFormattingEverything() {
    SplittableRandom rng = new SplittableRandom(7);
    HistoryFiles.Csv csv = new HistoryFiles.Csv();
    List<EpochStats> history = new ArrayList<>();
    for (int epoch = 0; epoch < 30; epoch++) {
      Map<String, Double> train = new java.util.HashMap<>();
      train.put("total", rng.nextDouble() * 10);
      train.put("kl", rng.nextDouble());
      if (epoch >= 12) {
        train.put("late_metric", rng.nextDouble()); // a new column: every row changes
      }
      Map<String, Double> val = Map.of("total", rng.nextDouble(), "exact_match", 1.0 / 3);
      history.add(new EpochStats(epoch, 1.0 - epoch / 60.0, 1.0, rng.nextDouble(), train, val));
      if (epoch == 20) {
        // a resumed run re-reads the stats: equal values, other objects
        EpochStats s = history.get(5);
        history.set(5, new EpochStats(s.epoch(), s.temperature(), 0.5, 2.0, s.train(), s.val()));
      }
      assertEquals(reference(history), csv.text(history), "after epoch " + epoch);
    }
    assertEquals(reference(history), HistoryFiles.csv(history));
  }

  private static List<EpochStats> randomHistory(int epochs, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<EpochStats> history = new ArrayList<>();
    for (int epoch = 0; epoch < epochs; epoch++) {
      Map<String, Double> train = new java.util.HashMap<>();
      train.put("total", rng.nextDouble() * 10);
      train.put("kl", Double.longBitsToDouble(rng.nextLong()));
      train.put("nan", Double.NaN);
      train.put("inf", epoch % 2 == 0 ? Double.POSITIVE_INFINITY : -0.0);
      Map<String, Double> val = Map.of("total", rng.nextDouble(), "exact_match", 1.0 / 3);
      history.add(new EpochStats(epoch, 1.0 - epoch / 60.0, 1.0, rng.nextDouble(), train, val));
    }
    return history;
  }

  /**
   * history.json put together from each epoch's cached text is Jackson's text of the whole list.
   */
  @Test
  void jsonFromCachedEpochsIsTheWholeListsText() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (int n : new int[] {0, 1, 2, 7, 40}) {
      List<EpochStats> history = randomHistory(n, n);
      String want = json.writerWithDefaultPrettyPrinter().writeValueAsString(history);
      assertEquals(want, HistoryFiles.json(history), n + " epochs");
      assertEquals(want, HistoryFiles.json(history), n + " epochs, from the cache");
      // equal stats in other objects (a resumed run), and one epoch changed
      List<EpochStats> again = randomHistory(n, n);
      if (n > 1) {
        EpochStats s = again.get(1);
        again.set(1, new EpochStats(s.epoch(), s.temperature(), 0.25, 3.0, s.train(), s.val()));
      }
      assertEquals(
          json.writerWithDefaultPrettyPrinter().writeValueAsString(again),
          HistoryFiles.json(again),
          n + " epochs, changed");
    }
  }

  /** The checkpoint header carries the history as the same JSON values as its tree would. */
  @Test
  void checkpointHeaderHoldsTheHistorysValues() throws Exception {
    ObjectMapper json = new ObjectMapper();
    TrainConfig cfg =
        TrainConfig.load(
            java.nio.file.Path.of(System.getProperty("zged.root", "."), "configs", "tiny.yaml"));
    List<EpochStats> history = randomHistory(5, 3);
    var file =
        Checkpoint.of(
            cfg, 5, 17, 0.5, 2, history, json.createObjectNode(), Map.of(), Map.of(), Map.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    file.writeTo(out, false);
    var read =
        org.zged.model.ModelFile.read(new java.io.ByteArrayInputStream(out.toByteArray()), "x");
    ObjectNode old = org.zged.model.ModelFile.newHeader(cfg.model(), json.createObjectNode());
    ObjectNode training = old.putObject("training");
    training.set("history", json.valueToTree(history));
    JsonNode want = json.readTree(json.writeValueAsBytes(training.get("history")));
    assertEquals(want, read.header().get("training").get("history"));
    assertEquals(5, read.header().get("training").get("epochs_done").asInt());
  }

  /** Numbers read as they did with Locale.ROOT, over magnitudes, signs and the special values. */
  @Test
  void numbersAreTheRootLocalesText() {
    SplittableRandom rng = new SplittableRandom(11);
    List<Double> values =
        new ArrayList<>(
            List.of(
                0.0,
                -0.0,
                1.0,
                -1.0,
                1.0 / 3,
                999999.5,
                1e-300,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
    for (int i = 0; i < 20_000; i++) {
      double mag = Math.pow(10, rng.nextDouble(-40, 40));
      values.add((rng.nextBoolean() ? -1 : 1) * mag);
      values.add(Double.longBitsToDouble(rng.nextLong()));
    }
    for (double v : values) {
      String want = Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
      assertEquals(want, HistoryFiles.num(v), Double.toString(v));
    }
    assertEquals("", HistoryFiles.num(Double.NaN));
  }

  /** The columns and number format the file has always had, every row formatted afresh. */
  private static String reference(List<EpochStats> history) {
    TreeSet<String> trainKeys = new TreeSet<>();
    TreeSet<String> valKeys = new TreeSet<>();
    for (EpochStats s : history) {
      trainKeys.addAll(s.train().keySet());
      valKeys.addAll(s.val().keySet());
    }
    StringBuilder sb = new StringBuilder("epoch,temperature,kl_factor,seconds");
    trainKeys.forEach(k -> sb.append(",train_").append(k));
    valKeys.forEach(k -> sb.append(",val_").append(k));
    sb.append('\n');
    for (EpochStats s : history) {
      sb.append(s.epoch());
      for (double v : new double[] {s.temperature(), s.klFactor(), s.seconds()}) {
        sb.append(',').append(String.format(Locale.ROOT, "%.6g", v));
      }
      for (String k : trainKeys) {
        Double v = s.train().get(k);
        sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
      }
      for (String k : valKeys) {
        Double v = s.val().get(k);
        sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
