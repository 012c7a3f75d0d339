package org.zged.model.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The text of {@code history.json} (the list of {@link EpochStats}) and of {@code history.csv} (one
 * row per epoch: epoch, temperature, kl_factor, seconds, then every train_* and val_* value in name
 * order).
 */
final class HistoryFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryFiles() {}

  static String json(List<EpochStats> history) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(history);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String csv(List<EpochStats> history) {
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
    }
    return sb.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
