package io.weft.bootstrap.metrics;

import io.weft.bootstrap.snapshot.DataPoint;
import java.util.List;
import java.util.function.BiConsumer;

/** Something the registry collects from: an instrument, a callback metric or a collector. */
interface MetricSource {

  /** Name used in error messages and in the {@code weft.source} attribute of collection errors. */
  String sourceName();

  /** The metrics this source emits; fixed at registration (empty for an unchecked collector). */
  List<MetricDescriptor> describe();

  /**
   * True for callback metrics and collectors, whose values are read when something collects; false for
   * instruments fed by code as things happen. OpenTelemetry's {@code lowmemory} temporality tells them
   * apart.
   */
  boolean asynchronous();

  /** Emits this pass's points, one call per (metric, point). May throw; the registry contains it. */
  void collect(BiConsumer<MetricDescriptor, DataPoint> out);
}
