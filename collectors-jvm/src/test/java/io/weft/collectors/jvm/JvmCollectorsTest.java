package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import io.weft.collectors.jvm.container.ContainerCollector;
import io.weft.collectors.jvm.process.ContextSwitchCollector;
import io.weft.collectors.jvm.process.ProcessCollector;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class JvmCollectorsTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  JvmCollectorsTest() {
    WeftLog.setOutput(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    WeftLog.setOutput(System.err);
  }

  private static Set<String> names(RegistrySnapshot snapshot) {
    Set<String> names = new HashSet<>();
    for (MetricSnapshot m : snapshot.metrics()) {
      names.add(m.descriptor().name());
    }
    return names;
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void everyJvmAndProcessMetricIsThereOnLinuxHotSpot() throws InterruptedException {
    MetricRegistry registry = MetricRegistry.pedantic();
    JvmCollectors.register(registry, true, true, true);
    System.gc();
    RegistrySnapshot snapshot = GcDurationRecorderTest.awaitSystemGc(registry);
    Set<String> expected = new HashSet<>();
    for (MetricDescriptor d : JvmCollectors.METRICS) {
      expected.add(d.name());
    }
    expected.removeAll(names(ContainerCollector.METRICS)); // this machine runs no limits
    expected.removeAll(names(ContextSwitchCollector.METRICS)); // opt-in
    Set<String> collected = names(snapshot);
    collected.remove("weft.collection.errors");
    collected.removeAll(names(ContainerCollector.METRICS));
    assertEquals(expected, collected);
    assertEquals("", log.toString(StandardCharsets.UTF_8), "nothing logged");
  }

  @Test
  void optInContextSwitchesAreRegisteredOnlyWhenAsked() {
    MetricRegistry without = MetricRegistry.pedantic();
    JvmCollectors.register(without, false, true, false);
    assertTrue(without.collect().find("process.context_switches") == null);

    MetricRegistry with = MetricRegistry.pedantic();
    JvmCollectors.register(with, new JvmCollectors.Settings(false, true, false, true));
    assertEquals(new File("/proc/self/task").isDirectory(), with.collect().find("process.context_switches") != null);
  }

  @Test
  void nothingIsRegisteredWhenEveryAreaIsOff() {
    MetricRegistry registry = MetricRegistry.pedantic();
    JvmCollectors.register(registry, false, false, false);
    assertEquals(Set.of(), names(registry.collect()));
  }

  @Test
  void registeringTwiceNeitherThrowsNorCountsACollectionTwice() throws InterruptedException {
    MetricRegistry registry = MetricRegistry.pedantic();
    JvmCollectors.register(registry, true, false, false);
    JvmCollectors.register(registry, true, false, false);
    long before = systemGcCount(registry.collect());
    System.gc();
    RegistrySnapshot snapshot = GcDurationRecorderTest.awaitSystemGc(registry);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (systemGcCount(snapshot) == before && System.nanoTime() < deadline) {
      Thread.sleep(5);
      snapshot = registry.collect();
    }
    // One System.gc() is one full collection (two for Parallel on Java 17: scavenge, then full).
    long expected = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .anyMatch(b -> b.getName().equals("PS Scavenge")) && Runtime.version().feature() < 23 ? 2 : 1;
    assertEquals(expected, systemGcCount(snapshot) - before);
    assertEquals("", log.toString(StandardCharsets.UTF_8), "the second registration is silent");
  }

  @Test
  void collectingAreasWhoseSourcesAreMissingLogsNothing() throws Exception {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new ProcessCollector(Path.of("/no/such/proc"), CpuCollectorTest.plainBean(-1),
        ManagementFactory.getRuntimeMXBean()));
    registry.register(new CpuCollector(CpuCollectorTest.plainBean(-1), Path.of("/no/such/stat")));
    registry.register(ContainerCollector.locate(
        Path.of(getClass().getResource("/cgroup/v2-unlimited").toURI())));
    for (int i = 0; i < 3; i++) {
      RegistrySnapshot snapshot = registry.collect();
      assertEquals(Set.of("process.uptime", "jvm.cpu.count"), names(snapshot));
    }
    assertEquals("", log.toString(StandardCharsets.UTF_8));
  }

  private static long systemGcCount(RegistrySnapshot snapshot) {
    return Points.histograms(snapshot, "jvm.gc.duration").stream()
        .filter(p -> "System.gc()".equals(p.attributes().get("jvm.gc.cause")))
        .mapToLong(HistogramPoint::count).sum();
  }

  private static Set<String> names(List<MetricDescriptor> descriptors) {
    Set<String> names = new HashSet<>();
    for (MetricDescriptor d : descriptors) {
      names.add(d.name());
    }
    return names;
  }
}
