package io.weft.agent.exporter.otlp;

import io.weft.bootstrap.metrics.MetricKind;

/**
 * {@code OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE}, and which metrics it turns into deltas, as
 * the specification's table says:
 *
 * <table>
 *   <tr><th>instrument</th><th>cumulative</th><th>delta</th><th>lowmemory</th></tr>
 *   <tr><td>counter</td><td>cumulative</td><td>delta</td><td>delta</td></tr>
 *   <tr><td>callback (asynchronous) counter</td><td>cumulative</td><td>delta</td><td>cumulative</td></tr>
 *   <tr><td>histogram</td><td>cumulative</td><td>delta</td><td>delta</td></tr>
 *   <tr><td>up-down counter, callback or not</td><td>cumulative</td><td>cumulative</td><td>cumulative</td></tr>
 * </table>
 *
 * <p>"Asynchronous" is what the snapshot says ({@link io.weft.bootstrap.snapshot.MetricSnapshot#asynchronous()}):
 * callback metrics and collectors (the JVM, process and container figures) are; instruments that woven
 * code records into (HTTP, JDBC, executors) are not. Gauges have no temporality.
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

  /**
   * Whether points of this kind are exported as the change since the previous export.
   *
   * @param asynchronous whether the metric's values are read by a callback or collector
   */
  boolean delta(MetricKind kind, boolean asynchronous) {
    boolean summable = kind == MetricKind.COUNTER || kind == MetricKind.HISTOGRAM;
    switch (this) {
      case DELTA:
        return summable;
      case LOWMEMORY:
        return summable && !asynchronous;
      default:
        return false;
    }
  }
}
