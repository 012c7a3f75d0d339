package org.zged.model.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * The text of {@code history.json} (the list of {@link EpochStats}) and of {@code history.csv} (one
 * row per epoch: epoch, temperature, kl_factor, seconds, then every train_* and val_* value in name
 * order).
 */
final class HistoryFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryFiles() {}

  /**
   * Each epoch's pretty-printed JSON, kept while its stats are alive (a value key: equal stats give
   * equal text). A run writes its whole history twice after every epoch (history.json and the
   * checkpoint's header), which formatted ~450,000 numbers in a 100-epoch run.
   */
  private static final Map<EpochStats, String> TEXT =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * The text of the default pretty printer on the whole list: its arrays are inline ("[ ", ", ", "
   * ]") and do not indent what they hold, so each element is its own pretty-printed text.
   */
  static String json(List<EpochStats> history) {
    if (history.isEmpty()) {
      return "[ ]";
    }
    StringBuilder sb = new StringBuilder("[ ");
    for (int i = 0; i < history.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(TEXT.computeIfAbsent(history.get(i), HistoryFiles::pretty));
    }
    return sb.append(" ]").toString();
  }

  private static String pretty(EpochStats s) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String csv(List<EpochStats> history) {
    return new Csv().text(history);
  }

  /**
   * history.csv for a run that rewrites it after every epoch: a row's text depends only on its
   * epoch's stats and on the columns, so the rows already formatted are kept (by the identity of
   * their stats) and reused while the columns stay the same. Formatting every row every epoch was
   * ~200,000 {@code String.format} calls in a 100-epoch run. The text is that of {@link
   * #csv(List)}.
   */
  static final class Csv {
    private String header;
    private final List<EpochStats> stats = new java.util.ArrayList<>();
    private final List<String> rows = new java.util.ArrayList<>();

    String text(List<EpochStats> history) {
      TreeSet<String> trainKeys = new TreeSet<>();
      TreeSet<String> valKeys = new TreeSet<>();
      for (EpochStats s : history) {
        trainKeys.addAll(s.train().keySet());
        valKeys.addAll(s.val().keySet());
      }
      StringBuilder h = new StringBuilder("epoch,temperature,kl_factor,seconds");
      trainKeys.forEach(k -> h.append(",train_").append(k));
      valKeys.forEach(k -> h.append(",val_").append(k));
      h.append('\n');
      if (!h.toString().equals(header)) {
        header = h.toString();
        stats.clear();
        rows.clear();
      }
      StringBuilder sb = new StringBuilder(header);
      for (int i = 0; i < history.size(); i++) {
        EpochStats s = history.get(i);
        if (i >= stats.size() || stats.get(i) != s) {
          while (stats.size() > i) {
            stats.remove(stats.size() - 1);
            rows.remove(rows.size() - 1);
          }
          stats.add(s);
          rows.add(row(s, trainKeys, valKeys));
        }
        sb.append(rows.get(i));
      }
      return sb.toString();
    }
  }

  private static String row(EpochStats s, TreeSet<String> trainKeys, TreeSet<String> valKeys) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.epoch())
        .append(',')
        .append(num(s.temperature()))
        .append(',')
        .append(num(s.klFactor()))
        .append(',')
        .append(num(s.seconds()));
    trainKeys.forEach(k -> sb.append(',').append(num(s.train().getOrDefault(k, Double.NaN))));
    valKeys.forEach(k -> sb.append(',').append(num(s.val().getOrDefault(k, Double.NaN))));
    sb.append('\n');
    return sb.toString();
  }

  /**
   * {@code %.6g}. Locale.US gives the text of Locale.ROOT (digits 0-9, '.', no grouping) without a
   * DecimalFormatSymbols lookup per call, which the Formatter makes for every other locale.
   */
  static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.US, "%.6g", v);
  }
}
