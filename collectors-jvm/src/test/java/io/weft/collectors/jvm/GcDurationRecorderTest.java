package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GcDurationRecorderTest {

  private static final List<GarbageCollectorMXBean> BEANS = ManagementFactory.getGarbageCollectorMXBeans();

  @Test
  void systemGcAddsAnObservationInSecondsWithNameActionAndCause() throws InterruptedException {
    MetricRegistry registry = MetricRegistry.pedantic();
    try (GcDurationRecorder recorder = GcDurationRecorder.install(registry, BEANS)) {
      assertNotNull(recorder);
      System.gc();
      RegistrySnapshot snapshot = awaitSystemGc(registry);

      MetricSnapshot metric = snapshot.find("jvm.gc.duration");
      assertEquals(MetricKind.HISTOGRAM, metric.descriptor().kind());
      assertEquals("s", metric.descriptor().unit());
      assertEquals(List.of("jvm.gc.name", "jvm.gc.action", "jvm.gc.cause"), metric.descriptor().attributeKeys());
      Set<String> beanNames = BEANS.stream().map(GarbageCollectorMXBean::getName).collect(Collectors.toSet());
      for (HistogramPoint p : Points.histograms(snapshot, "jvm.gc.duration")) {
        assertTrue(beanNames.contains(p.attributes().get("jvm.gc.name")), p.toString());
        assertTrue(p.attributes().get("jvm.gc.action").startsWith("end of "), p.toString());
        assertArrayEquals(Buckets.GC_SECONDS, p.bounds());
        // A collection of this small test heap takes milliseconds: seconds, not milliseconds.
        assertTrue(p.sum() >= 0 && p.sum() < 10 * p.count(), p.toString());
      }
    }
  }

  @Test
  void installingTwiceIntoOneRegistryListensOnce() throws InterruptedException {
    MetricRegistry registry = MetricRegistry.pedantic();
    GcDurationRecorder first = GcDurationRecorder.install(registry, BEANS);
    try {
      assertSame(first, GcDurationRecorder.install(registry, BEANS));
      long before = collections();
      System.gc();
      RegistrySnapshot snapshot = awaitSystemGc(registry);
      // Every collection the beans counted since then is recorded once, not twice.
      long deadline = System.nanoTime() + 20_000_000_000L;
      long recorded;
      while (true) {
        recorded = Points.histograms(snapshot, "jvm.gc.duration").stream().mapToLong(HistogramPoint::count).sum();
        if (recorded >= collections() - before || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(5);
        snapshot = registry.collect();
      }
      assertEquals(collections() - before, recorded);
    } finally {
      first.close();
    }
  }

  @Test
  void closeStopsRecording() throws InterruptedException {
    MetricRegistry closedRegistry = MetricRegistry.pedantic();
    GcDurationRecorder closed = GcDurationRecorder.install(closedRegistry, BEANS);
    closed.close();
    // Listeners are called in the order they were added, so once this later one has seen the
    // collection, the closed one would have seen it too.
    MetricRegistry witnessRegistry = MetricRegistry.pedantic();
    try (GcDurationRecorder witness = GcDurationRecorder.install(witnessRegistry, BEANS)) {
      System.gc();
      awaitSystemGc(witnessRegistry);
      assertEquals(List.of(), Points.histograms(closedRegistry.collect(), "jvm.gc.duration"));
    }
  }

  private static long collections() {
    long total = 0;
    for (GarbageCollectorMXBean bean : BEANS) {
      total += bean.getCollectionCount();
    }
    return total;
  }

  /** Collects until a System.gc() observation is there; notifications arrive on another thread. */
  static RegistrySnapshot awaitSystemGc(MetricRegistry registry) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      RegistrySnapshot snapshot = registry.collect();
      for (HistogramPoint p : Points.histograms(snapshot, "jvm.gc.duration")) {
        if ("System.gc()".equals(p.attributes().get("jvm.gc.cause"))) {
          return snapshot;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no System.gc() observation within 20 s: " + snapshot);
      }
      Thread.sleep(5);
    }
  }
}
