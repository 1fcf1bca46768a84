package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class MemoryPoolCollectorTest {

  private static final List<MemoryPoolMXBean> POOLS = ManagementFactory.getMemoryPoolMXBeans();

  private final MetricRegistry registry = MetricRegistry.pedantic();

  MemoryPoolCollectorTest() {
    registry.register(new MemoryPoolCollector(POOLS));
  }

  @Test
  void everyPoolReportsUsedCommittedAndInitInBytesAsTheMxBeanDoes() {
    for (MemoryPoolMXBean pool : POOLS) {
      String[] attributes = attributesOf(pool);
      assertAgrees(pool, "jvm.memory.used", attributes, MemoryUsage::getUsed);
      assertAgrees(pool, "jvm.memory.committed", attributes, MemoryUsage::getCommitted);
      if (pool.getUsage().getInit() >= 0) {
        assertAgrees(pool, "jvm.memory.init", attributes, MemoryUsage::getInit);
      }
    }
  }

  @Test
  void limitIsReportedOnlyForPoolsWithAMaximum() {
    RegistrySnapshot snapshot = registry.collect();
    for (MemoryPoolMXBean pool : POOLS) {
      long max = pool.getUsage().getMax();
      if (max == -1) {
        assertNull(Points.find(snapshot, "jvm.memory.limit", attributesOf(pool)), pool.getName());
      } else {
        assertEquals(max, Points.value(snapshot, "jvm.memory.limit", attributesOf(pool)), pool.getName());
      }
    }
  }

  @Test
  void usedAfterLastGcIsReportedOnlyForPoolsACollectorManages() {
    System.gc(); // so that every collected pool has an after-collection figure
    boolean sawOne = false;
    for (MemoryPoolMXBean pool : POOLS) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (afterGc == null) {
        assertNull(Points.find(registry.collect(), "jvm.memory.used_after_last_gc", attributesOf(pool)));
      } else {
        sawOne = true;
        Readings.assertAgrees(pool.getName() + " used after GC", () -> pool.getCollectionUsage().getUsed(),
            registry, s -> Points.value(s, "jvm.memory.used_after_last_gc", attributesOf(pool)));
      }
    }
    assertTrue(sawOne, "some heap pool is managed by a collector");
  }

  @Test
  void heapAndNonHeapPoolsAreTypedAndTheHeapAddsUpToTheMemoryBean() {
    RegistrySnapshot snapshot = registry.collect();
    assertEquals(POOLS.size(), Points.numbers(snapshot, "jvm.memory.used").size());
    long heapPools = POOLS.stream().filter(p -> p.getType() == MemoryType.HEAP).count();
    long typedHeap = Points.numbers(snapshot, "jvm.memory.used").stream()
        .filter(p -> "heap".equals(p.attributes().get("jvm.memory.type"))).count();
    assertEquals(heapPools, typedHeap);
    // The memory bean's heap figure is the sum over the heap pools.
    Readings.assertAgrees("heap committed", () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
        registry, s -> Points.numbers(s, "jvm.memory.committed").stream()
            .filter(p -> "heap".equals(p.attributes().get("jvm.memory.type")))
            .mapToDouble(p -> p.value()).sum());
  }

  private void assertAgrees(MemoryPoolMXBean pool, String metric, String[] attributes, ToLongFunction<MemoryUsage> field) {
    Readings.assertAgrees(pool.getName() + " " + metric, () -> field.applyAsLong(pool.getUsage()), registry,
        s -> Points.value(s, metric, attributes));
  }

  private static String[] attributesOf(MemoryPoolMXBean pool) {
    return new String[] {"jvm.memory.type", pool.getType() == MemoryType.HEAP ? "heap" : "non_heap",
        "jvm.memory.pool.name", pool.getName()};
  }
}
