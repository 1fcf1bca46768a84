package io.weft.collectors.jvm.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import io.weft.collectors.jvm.Points;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container collector on fixture trees under src/test/resources/cgroup. */
class ContainerCollectorTest {

  @TempDir Path temp;

  static Path fixture(String name) throws Exception {
    return Path.of(ContainerCollectorTest.class.getResource("/cgroup/" + name).toURI());
  }

  private static RegistrySnapshot collect(ContainerCollector collector) {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(collector);
    return registry.collect();
  }

  private static List<String> containerMetrics(RegistrySnapshot snapshot) {
    return snapshot.metrics().stream().map(m -> m.descriptor().name()).filter(n -> n.startsWith("container.")).toList();
  }

  @Test
  void cgroupV2LimitsAreReportedInCoresBytesAndSeconds() throws Exception {
    Path root = fixture("v2");
    ContainerCollector collector = ContainerCollector.locate(root);
    assertNotNull(collector);
    assertEquals(new Cgroup.Controller(2, root.resolve("sys/fs/cgroup")), collector.cgroup().cpu());
    assertEquals(new Cgroup.Controller(2, root.resolve("sys/fs/cgroup")), collector.cgroup().memory());

    RegistrySnapshot snapshot = collect(collector);
    assertEquals(1.5, Points.value(snapshot, "container.cpu.limit"));                 // 150000 / 100000
    assertEquals(1000, Points.value(snapshot, "container.cpu.throttling_data.periods"));
    assertEquals(30, Points.value(snapshot, "container.cpu.throttling_data.throttled_periods"));
    assertEquals(2.5, Points.value(snapshot, "container.cpu.throttling_data.throttled_time"));  // 2500000 µs
    assertEquals(536870912, Points.value(snapshot, "container.memory.usage.limit"));
    assertEquals(123456789, Points.value(snapshot, "container.memory.usage"));
    assertEquals(MetricKind.COUNTER, snapshot.find("container.cpu.throttling_data.throttled_time").descriptor().kind());
    assertEquals("s", snapshot.find("container.cpu.throttling_data.throttled_time").descriptor().unit());
  }

  @Test
  void cgroupV1LimitsAreReportedInCoresBytesAndSeconds() throws Exception {
    Path root = fixture("v1");
    ContainerCollector collector = ContainerCollector.locate(root);
    assertNotNull(collector);
    // The mounts show just the container's cgroup, so its files are at the mount points.
    assertEquals(new Cgroup.Controller(1, root.resolve("sys/fs/cgroup/cpu,cpuacct")), collector.cgroup().cpu());
    assertEquals(new Cgroup.Controller(1, root.resolve("sys/fs/cgroup/memory")), collector.cgroup().memory());

    RegistrySnapshot snapshot = collect(collector);
    assertEquals(0.5, Points.value(snapshot, "container.cpu.limit"));
    assertEquals(400, Points.value(snapshot, "container.cpu.throttling_data.periods"));
    assertEquals(12, Points.value(snapshot, "container.cpu.throttling_data.throttled_periods"));
    assertEquals(1.5, Points.value(snapshot, "container.cpu.throttling_data.throttled_time")); // 1.5e9 ns
    assertEquals(268435456, Points.value(snapshot, "container.memory.usage.limit"));
    assertEquals(104857600, Points.value(snapshot, "container.memory.usage"));
  }

  @Test
  void aServiceCgroupSeenFromTheHostIsFoundBelowTheMountAndOnlyItsMemoryLimitReported() throws Exception {
    Path root = fixture("v2-service");
    ContainerCollector collector = ContainerCollector.locate(root);
    assertNotNull(collector);
    assertEquals(root.resolve("sys/fs/cgroup/system.slice/app.service"), collector.cgroup().memory().directory());

    RegistrySnapshot snapshot = collect(collector);
    assertEquals(List.of("container.memory.usage.limit", "container.memory.usage"), containerMetrics(snapshot));
    assertEquals(1073741824, Points.value(snapshot, "container.memory.usage.limit"));
    assertEquals(1000, Points.value(snapshot, "container.memory.usage"));
  }

  @Test
  void withoutLimitsNothingIsReported() throws Exception {
    for (String name : List.of("v2-unlimited", "v1-hybrid-unlimited")) {
      ContainerCollector collector = ContainerCollector.locate(fixture(name));
      assertNotNull(collector, name);
      assertEquals(List.of(), containerMetrics(collect(collector)), name);
    }
  }

  @Test
  void aHybridHostTakesItsControllersFromTheV1Hierarchies() throws Exception {
    Path root = fixture("v1-hybrid-unlimited");
    Cgroup cgroup = Cgroup.locate(root);
    assertEquals(new Cgroup.Controller(1, root.resolve("sys/fs/cgroup/cpu")), cgroup.cpu());
    assertEquals(new Cgroup.Controller(1, root.resolve("sys/fs/cgroup/memory/process_api/ab12")), cgroup.memory());
  }

  @Test
  void noCgroupMeansNoCollector() throws Exception {
    assertNull(ContainerCollector.locate(fixture("none")));      // no cgroup mounts
    assertNull(ContainerCollector.locate(fixture("v2-root")));   // root cgroup: no limit files
    assertNull(ContainerCollector.locate(temp));                 // no /proc at all
  }

  @Test
  void aLimitSetWhileRunningShowsAtTheNextCollection() throws Exception {
    Path cgroupDir = temp.resolve("sys/fs/cgroup");
    Files.createDirectories(cgroupDir);
    Files.createDirectories(temp.resolve("proc/self"));
    Files.writeString(temp.resolve("proc/self/mountinfo"), "30 1 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup rw\n");
    Files.writeString(temp.resolve("proc/self/cgroup"), "0::/\n");
    Files.writeString(cgroupDir.resolve("cpu.max"), "max 100000\n");
    Files.writeString(cgroupDir.resolve("cpu.stat"), "nr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(ContainerCollector.locate(temp));
    assertEquals(List.of(), containerMetrics(registry.collect()));

    Files.writeString(cgroupDir.resolve("cpu.max"), "200000 100000\n");
    assertEquals(2.0, Points.value(registry.collect(), "container.cpu.limit"));

    Files.delete(cgroupDir.resolve("cpu.stat")); // a file vanishing costs its metrics, nothing else
    RegistrySnapshot snapshot = registry.collect();
    assertEquals(List.of("container.cpu.limit"), containerMetrics(snapshot));
    assertEquals(List.of(), Points.numbers(snapshot, "weft.collection.errors"));
  }

  @Test
  void mountinfoEscapesAreDecoded() {
    assertEquals("/sys/fs/my cgroup", Cgroup.unescape("/sys/fs/my\\040cgroup"));
    assertEquals("/plain", Cgroup.unescape("/plain"));
    assertEquals("/odd\\9", Cgroup.unescape("/odd\\9"));
  }
}
