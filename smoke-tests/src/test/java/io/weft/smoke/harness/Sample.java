package io.weft.smoke.harness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One exposed sample: {@code name{labels} value}. */
public record Sample(String name, Map<String, String> labels, double value) {
  public Sample {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** The label's value, or null when the sample has no such label. */
  public String label(String key) {
    return labels.get(key);
  }

  /**
   * Whether every given key=value pair is among this sample's labels; a wanted empty value means the
   * label is absent, as a Prometheus selector {@code {error_type=""}} means.
   */
  public boolean hasLabels(Map<String, String> wanted) {
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      String value = labels.get(e.getKey());
      if (e.getValue().isEmpty() ? value != null : !e.getValue().equals(value)) {
        return false;
      }
    }
    return true;
  }
}
