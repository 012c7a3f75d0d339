package org.zged.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.model.train.TrainConfig;

/**
 * One row of the experiments table: a name, the question it answers, and the training config.
 *
 * @param name short id, also the run folder name (e.g. {@code exp001-baseline})
 * @param purpose what the run tests, one sentence for the report
 * @param config the full training config
 */
public record Experiment(String name, String purpose, TrainConfig config) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * The same experiment with some config keys replaced, given as dotted paths of the YAML schema
   * ({@code decoder.edge_head}, {@code loss.connectivity}, {@code training.epochs}, ...). The
   * result is re-validated by {@link TrainConfig#parse}, so a wrong key or value fails loudly.
   */
  public Experiment with(String newName, String newPurpose, Map<String, Object> overrides) {
    Map<String, Object> root = deepCopy(config.toMap());
    for (Map.Entry<String, Object> o : overrides.entrySet()) {
      String[] path = o.getKey().split("\\.");
      Map<String, Object> at = root;
      for (int i = 0; i < path.length - 1; i++) {
        Object next = at.get(path[i]);
        if (!(next instanceof Map)) {
          throw new IllegalArgumentException("no config section " + o.getKey());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) next;
        at = section;
      }
      if (!at.containsKey(path[path.length - 1])) {
        throw new IllegalArgumentException("no config key " + o.getKey());
      }
      at.put(path[path.length - 1], o.getValue());
    }
    try {
      return new Experiment(
          newName, newPurpose, TrainConfig.parse(YAML.writeValueAsString(root), newName));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
    return out;
  }
}
