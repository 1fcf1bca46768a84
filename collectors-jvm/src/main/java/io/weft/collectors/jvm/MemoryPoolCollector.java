package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Heap and non-heap memory per pool ({@code G1 Eden Space}, {@code Metaspace}, ...), read from the
 * memory-pool MXBeans at collection time.
 *
 * <pre>{@code
 * registry.register(new MemoryPoolCollector(ManagementFactory.getMemoryPoolMXBeans()));
 * }</pre>
 *
 * <p>A pool without a maximum has no {@code jvm.memory.limit} point, one without an initial size no
 * {@code jvm.memory.init} point, and one that no collector manages no {@code
 * jvm.memory.used_after_last_gc} point.
 */
public final class MemoryPoolCollector implements Collector {

  private static final List<AttributeKey> KEYS = List.of(
      AttributeKey.string("jvm.memory.type").recommended(), AttributeKey.string("jvm.memory.pool.name").recommended());

  public static final MetricDescriptor USED = new MetricDescriptor("jvm.memory.used",
      MetricKind.UP_DOWN_COUNTER, "By", "Measure of memory used.", KEYS);
  public static final MetricDescriptor COMMITTED = new MetricDescriptor("jvm.memory.committed",
      MetricKind.UP_DOWN_COUNTER, "By", "Measure of memory committed.", KEYS);
  public static final MetricDescriptor LIMIT = new MetricDescriptor("jvm.memory.limit",
      MetricKind.UP_DOWN_COUNTER, "By", "Measure of max obtainable memory.", KEYS);
  public static final MetricDescriptor USED_AFTER_LAST_GC = new MetricDescriptor(
      "jvm.memory.used_after_last_gc", MetricKind.UP_DOWN_COUNTER, "By",
      "Measure of memory used, as measured after the most recent garbage collection event on this pool.",
      KEYS);
  public static final MetricDescriptor INIT = new MetricDescriptor("jvm.memory.init",
      MetricKind.UP_DOWN_COUNTER, "By", "Measure of initial memory requested.", KEYS);

  public static final List<MetricDescriptor> METRICS =
      List.of(USED, COMMITTED, LIMIT, USED_AFTER_LAST_GC, INIT);

  private final MemoryPoolMXBean[] pools;
  private final String[][] attributeValues;

  /** The pool list is fixed for the life of a HotSpot JVM, so it is taken once. */
  public MemoryPoolCollector(List<MemoryPoolMXBean> pools) {
    this.pools = pools.toArray(new MemoryPoolMXBean[0]);
    this.attributeValues = new String[this.pools.length][];
    for (int i = 0; i < this.pools.length; i++) {
      attributeValues[i] = new String[] {memoryType(this.pools[i].getType()), this.pools[i].getName()};
    }
  }

  static String memoryType(MemoryType type) {
    return type == MemoryType.HEAP ? "heap" : "non_heap";
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /** Cost: two MXBean reads (one small allocation each) per pool; typically 5 to 8 pools. */
  @Override
  public void collect(Output out) {
    for (int i = 0; i < pools.length; i++) {
      String[] attributes = attributeValues[i];
      MemoryUsage usage = pools[i].getUsage(); // null once a pool is no longer valid
      if (usage != null) {
        out.point(USED, usage.getUsed(), attributes);
        out.point(COMMITTED, usage.getCommitted(), attributes);
        if (usage.getMax() != -1) {
          out.point(LIMIT, usage.getMax(), attributes);
        }
        if (usage.getInit() != -1) {
          out.point(INIT, usage.getInit(), attributes);
        }
      }
      MemoryUsage afterGc = pools[i].getCollectionUsage(); // null for pools no collector manages
      if (afterGc != null) {
        out.point(USED_AFTER_LAST_GC, afterGc.getUsed(), attributes);
      }
    }
  }
}
