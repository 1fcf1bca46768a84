package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import java.lang.management.BufferPoolMXBean;
import java.util.List;

/**
 * Direct and mapped NIO buffers per pool ({@code direct}, {@code mapped}, {@code mapped -
 * 'non-volatile memory'}), read from the buffer-pool MXBeans at collection time.
 *
 * <pre>{@code
 * registry.register(new BufferPoolCollector(
 *     ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)));
 * }</pre>
 */
public final class BufferPoolCollector implements Collector {

  private static final List<AttributeKey> KEYS = List.of(AttributeKey.string("jvm.buffer.pool.name").recommended());

  public static final MetricDescriptor MEMORY_USED = new MetricDescriptor("jvm.buffer.memory.used",
      MetricKind.UP_DOWN_COUNTER, "By", "Measure of memory used by buffers.", KEYS);
  public static final MetricDescriptor MEMORY_LIMIT = new MetricDescriptor("jvm.buffer.memory.limit",
      MetricKind.UP_DOWN_COUNTER, "By", "Measure of total memory capacity of buffers.", KEYS);
  public static final MetricDescriptor COUNT = new MetricDescriptor("jvm.buffer.count",
      MetricKind.UP_DOWN_COUNTER, "{buffer}", "Number of buffers in the pool.", KEYS);

  public static final List<MetricDescriptor> METRICS = List.of(MEMORY_USED, MEMORY_LIMIT, COUNT);

  private final BufferPoolMXBean[] pools;
  private final String[][] attributeValues;

  public BufferPoolCollector(List<BufferPoolMXBean> pools) {
    this.pools = pools.toArray(new BufferPoolMXBean[0]);
    this.attributeValues = new String[this.pools.length][];
    for (int i = 0; i < this.pools.length; i++) {
      attributeValues[i] = new String[] {this.pools[i].getName()};
    }
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /** Cost: three counter reads per pool, no allocation; -1 means "not available" and is left out. */
  @Override
  public void collect(Output out) {
    for (int i = 0; i < pools.length; i++) {
      emitIfKnown(out, MEMORY_USED, pools[i].getMemoryUsed(), attributeValues[i]);
      emitIfKnown(out, MEMORY_LIMIT, pools[i].getTotalCapacity(), attributeValues[i]);
      emitIfKnown(out, COUNT, pools[i].getCount(), attributeValues[i]);
    }
  }

  private static void emitIfKnown(Output out, MetricDescriptor metric, long value, String[] attributes) {
    if (value >= 0) {
      out.point(metric, value, attributes);
    }
  }
}
