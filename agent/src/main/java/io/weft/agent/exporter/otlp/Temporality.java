package io.weft.agent.exporter.otlp;

import io.weft.bootstrap.metrics.MetricKind;

/**
 * {@code OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE}, and which kinds it turns into deltas. As
 * the specification's table says: {@code delta} for counters and histograms, up-down counters stay
 * cumulative; {@code lowmemory} is delta for synchronous counters and histograms and cumulative for the
 * rest. Weft cannot tell a counter fed by woven code from one read by a callback, and the difference
 * only matters to an SDK's memory, so {@code lowmemory} behaves as {@code delta}. Gauges have no
 * temporality.
 */
public enum Temporality {
  CUMULATIVE,
  DELTA,
  LOWMEMORY;

  static Temporality of(String configured) {
    switch (configured) {
      case "delta":
        return DELTA;
      case "lowmemory":
        return LOWMEMORY;
      default:
        return CUMULATIVE;
    }
  }

  /** Whether points of this kind are exported as the change since the previous export. */
  boolean delta(MetricKind kind) {
    return this != CUMULATIVE && (kind == MetricKind.COUNTER || kind == MetricKind.HISTOGRAM);
  }
}
