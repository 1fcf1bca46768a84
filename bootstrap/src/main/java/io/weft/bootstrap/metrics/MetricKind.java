package io.weft.bootstrap.metrics;

/** What a metric's data points mean; shared by synchronous and callback instruments. */
public enum MetricKind {
  /** A monotonic sum (Prometheus counter, OpenTelemetry monotonic Sum). */
  COUNTER,
  /** A sum that may go down (Prometheus gauge, OpenTelemetry non-monotonic Sum). */
  UP_DOWN_COUNTER,
  /** The last observed value. */
  GAUGE,
  /** Explicit-bucket histogram with count and sum. */
  HISTOGRAM
}
