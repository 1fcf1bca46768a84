package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorTest {

  @TempDir Path temp;

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Test
  void cpuTimeIsTheProcessCpuTimeInSeconds() {
    MetricRegistry registry = registryWith(OS);
    Readings.assertAgrees("cpu time", () -> OS.getProcessCpuTime() / 1e9, registry,
        s -> Points.value(s, "jvm.cpu.time"));
  }

  @Test
  void countAndLoadAverageAreTheJvmsReadings() {
    MetricRegistry registry = registryWith(OS);
    assertEquals(Runtime.getRuntime().availableProcessors(), Points.value(registry.collect(), "jvm.cpu.count"));
    Readings.assertAgrees("load average", OS::getSystemLoadAverage, registry,
        s -> Points.value(s, "jvm.system.cpu.load_1m"));
  }

  @Test
  void recentUtilizationIsCpuTimeOverAvailableCpuTimeSinceTheLastCollection() {
    MetricRegistry registry = registryWith(OS);
    int cpus = Runtime.getRuntime().availableProcessors();
    long cpuBefore = OS.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    registry.collect();
    long cpuBeforeEnd = OS.getProcessCpuTime();
    long wallBeforeEnd = System.nanoTime();
    // Burn about 100 ms of CPU on this thread.
    long spinUntil = System.nanoTime() + 100_000_000L;
    long x = 0;
    while (System.nanoTime() < spinUntil) {
      x += x * 31 + 7;
    }
    long cpuAfter = OS.getProcessCpuTime();
    long wallAfter = System.nanoTime();
    RegistrySnapshot snapshot = registry.collect();
    long cpuAfterEnd = OS.getProcessCpuTime();
    long wallAfterEnd = System.nanoTime();

    double value = Points.value(snapshot, "jvm.cpu.recent_utilization");
    double low = (double) (cpuAfter - cpuBeforeEnd) / ((double) (wallAfterEnd - wallBefore) * cpus);
    double high = (double) (cpuAfterEnd - cpuBefore) / ((double) (wallAfter - wallBeforeEnd) * cpus);
    // getProcessCpuTime ticks in 10 ms steps on Linux; allow one tick either way.
    double tick = 10_000_000.0 / ((double) (wallAfter - wallBeforeEnd) * cpus);
    assertTrue(value >= low - tick && value <= Math.min(1, high + tick),
        value + " not within [" + low + ", " + high + "] (" + x + ")");
  }

  @Test
  void systemUtilizationIsTheNonIdleShareOfProcStatSinceTheLastCollection() throws IOException {
    Path stat = temp.resolve("stat");
    // user nice system idle iowait irq softirq steal guest guest_nice
    Files.writeString(stat, "cpu  1000 0 500 8000 500 0 0 0 0 0\ncpu0 500 0 250 4000 250 0 0 0 0 0\n");
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new CpuCollector(plainBean(-1), stat));
    assertEquals(0.15, Points.value(registry.collect(), "jvm.system.cpu.utilization"), 1e-12); // since boot
    Files.writeString(stat, "cpu  1300 0 600 8500 600 0 0 0 0 0\n"); // 400 busy, 600 idle
    assertEquals(0.4, Points.value(registry.collect(), "jvm.system.cpu.utilization"), 1e-12);
    assertEquals(0.4, Points.value(registry.collect(), "jvm.system.cpu.utilization"), 1e-12); // no tick since
  }

  @Test
  void withoutTheJdkExtensionsAndProcStatOnlyCountAndLoadAverageRemain() {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new CpuCollector(plainBean(1.5), temp.resolve("no-stat")));
    RegistrySnapshot snapshot = registry.collect();
    assertEquals(List.of("jvm.cpu.count", "jvm.system.cpu.load_1m"),
        snapshot.metrics().stream().map(m -> m.descriptor().name()).filter(n -> n.startsWith("jvm.")).toList());
    assertEquals(1.5, Points.value(snapshot, "jvm.system.cpu.load_1m"));
  }

  @Test
  void anUnavailableLoadAverageIsLeftOut() {
    RegistrySnapshot snapshot = registryWith(plainBean(-1)).collect();
    assertNull(snapshot.find("jvm.system.cpu.load_1m"));
  }

  private static MetricRegistry registryWith(OperatingSystemMXBean os) {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new CpuCollector(os));
    return registry;
  }

  /** An operating-system bean with only the java.lang.management methods, as another JVM might have. */
  static OperatingSystemMXBean plainBean(double loadAverage) {
    return (OperatingSystemMXBean) Proxy.newProxyInstance(CpuCollectorTest.class.getClassLoader(),
        new Class<?>[] {OperatingSystemMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getSystemLoadAverage" -> loadAverage;
          case "getAvailableProcessors" -> 2;
          case "getName" -> "Test OS";
          case "getArch" -> "test";
          case "getVersion" -> "1";
          case "hashCode" -> 0;
          case "equals" -> proxy == args[0];
          case "toString" -> "plain OperatingSystemMXBean";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
