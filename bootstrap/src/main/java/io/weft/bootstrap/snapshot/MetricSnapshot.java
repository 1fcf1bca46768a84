package io.weft.bootstrap.snapshot;

import io.weft.bootstrap.metrics.MetricDescriptor;
import java.util.List;

/**
 * All data points of one metric from one collection pass.
 *
 * @param asynchronous true if the values were read at collection by a callback or collector (an
 *     OpenTelemetry asynchronous instrument), false if code recorded them as things happened
 */
public record MetricSnapshot(MetricDescriptor descriptor, List<DataPoint> points, boolean asynchronous) {
  public MetricSnapshot {
    points = List.copyOf(points);
  }

  /** The points of a synchronous metric. */
  public MetricSnapshot(MetricDescriptor descriptor, List<DataPoint> points) {
    this(descriptor, points, false);
  }
}
