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

  /** Whether every given key=value pair is among this sample's labels. */
  public boolean hasLabels(Map<String, String> wanted) {
    return labels.entrySet().containsAll(wanted.entrySet());
  }
}
