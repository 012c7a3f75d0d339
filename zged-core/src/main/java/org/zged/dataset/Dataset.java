package org.zged.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A header and its circuits, in file order (family by family, index order within a family). */
public record Dataset(DatasetHeader header, List<CircuitRecord> records) {

  public Dataset {
    records = List.copyOf(records);
  }

  public int size() {
    return records.size();
  }

  public List<CircuitRecord> split(Split split) {
    return records.stream().filter(r -> r.split() == split).toList();
  }

  public List<CircuitRecord> family(CircuitFamily family) {
    return records.stream().filter(r -> r.family().equals(family)).toList();
  }

  public Map<CircuitFamily, List<CircuitRecord>> byFamily() {
    return records.stream()
        .collect(
            Collectors.groupingBy(CircuitRecord::family, LinkedHashMap::new, Collectors.toList()));
  }
}
