package io.weft.bootstrap.snapshot;

import io.weft.bootstrap.metrics.MetricDescriptor;
import java.util.List;

/** All data points of one metric from one collection pass. */
public record MetricSnapshot(MetricDescriptor descriptor, List<DataPoint> points) {
  public MetricSnapshot {
    points = List.copyOf(points);
  }
}
