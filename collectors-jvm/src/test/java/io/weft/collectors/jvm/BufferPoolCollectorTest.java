package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferPoolCollectorTest {

  private static final List<BufferPoolMXBean> POOLS = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);

  private final MetricRegistry registry = MetricRegistry.pedantic();

  BufferPoolCollectorTest() {
    registry.register(new BufferPoolCollector(POOLS));
  }

  @Test
  void everyPoolReportsWhatItsMxBeanReports() {
    for (BufferPoolMXBean pool : POOLS) {
      String[] attributes = {"jvm.buffer.pool.name", pool.getName()};
      Readings.assertAgrees(pool.getName() + " used", pool::getMemoryUsed, registry,
          s -> Points.value(s, "jvm.buffer.memory.used", attributes));
      Readings.assertAgrees(pool.getName() + " limit", pool::getTotalCapacity, registry,
          s -> Points.value(s, "jvm.buffer.memory.limit", attributes));
      Readings.assertAgrees(pool.getName() + " count", pool::getCount, registry,
          s -> Points.value(s, "jvm.buffer.count", attributes));
    }
  }

  @Test
  void aNewDirectBufferOfOneMebibyteAddsOneBufferAndItsBytes() {
    RegistrySnapshot before = registry.collect();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    RegistrySnapshot after = registry.collect();
    String[] direct = {"jvm.buffer.pool.name", "direct"};
    assertEquals(1 << 20, delta(before, after, "jvm.buffer.memory.used", direct));
    assertEquals(1 << 20, delta(before, after, "jvm.buffer.memory.limit", direct));
    assertEquals(1, delta(before, after, "jvm.buffer.count", direct));
    assertEquals(1 << 20, buffer.capacity()); // keeps the buffer reachable until here
  }

  private static double delta(RegistrySnapshot before, RegistrySnapshot after, String metric, String[] attributes) {
    return Points.value(after, metric, attributes) - Points.value(before, metric, attributes);
  }
}
