package io.weft.bootstrap.snapshot;

import java.util.List;

/**
 * The result of one collection pass: every metric that had data, stamped with the single time at
 * which the pass began.
 */
public record RegistrySnapshot(long epochMillis, List<MetricSnapshot> metrics) {
  public RegistrySnapshot {
    metrics = List.copyOf(metrics);
  }

  /** The metric with this OpenTelemetry name, or null. */
  public MetricSnapshot find(String name) {
    for (MetricSnapshot m : metrics) {
      if (m.descriptor().name().equals(name)) {
        return m;
      }
    }
    return null;
  }
}
