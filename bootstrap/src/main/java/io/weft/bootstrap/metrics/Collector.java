package io.weft.bootstrap.metrics;

import java.util.List;

/**
 * A callback that emits several metrics at once, such as all memory-pool figures from one pass over
 * the memory MXBeans. It first describes what it will emit, so that the registry can catch
 * conflicting names at registration; then, at each collection, it emits constant data points.
 *
 * <pre>{@code
 * final class ClassLoadingCollector implements Collector {
 *   static final MetricDescriptor COUNT = new MetricDescriptor("jvm.class.count",
 *       MetricKind.UP_DOWN_COUNTER, "{class}", "Number of classes currently loaded.", List.of());
 *   public List<MetricDescriptor> describe() { return List.of(COUNT); }
 *   public void collect(Output out) { out.point(COUNT, bean.getLoadedClassCount()); }
 * }
 * }</pre>
 *
 * <p>Histograms are not emitted by collectors; a collector that needs one (such as GC pauses fed by
 * notifications) registers a {@link Histogram} instrument instead.
 */
public interface Collector {

  /** The metrics {@link #collect} will emit. Called once, at registration. */
  List<MetricDescriptor> describe();

  /** Emits this collection's data points. A throw loses this collector's points for this pass. */
  void collect(Output out);

  /** Name used in logs and in the {@code weft.source} attribute of collection errors. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Where a collector writes its points. */
  interface Output {
    /**
     * One data point of a counter, up-down counter or gauge.
     *
     * @param attributeValues in the order of the metric's attribute keys, each of its key's type
     *     (String, Integer or Long, Boolean, Double); null or an empty string for absent
     */
    void point(MetricDescriptor metric, double value, Object... attributeValues);

    /**
     * One data point of the overflow series ({@code otel.metric.overflow=true}), for a collector
     * that keeps its own series within {@link MetricRegistry#seriesLimit()} and sums the rest here.
     */
    default void overflowPoint(MetricDescriptor metric, double value) {
      throw new UnsupportedOperationException("this output takes no overflow points");
    }
  }
}
