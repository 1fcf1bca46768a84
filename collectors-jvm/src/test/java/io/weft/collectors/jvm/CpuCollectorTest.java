package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuCollectorTest {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Test
  void cpuTimeIsTheProcessCpuTimeInSeconds() {
    MetricRegistry registry = registryWith(OS);
    Readings.assertAgrees("cpu time", () -> OS.getProcessCpuTime() / 1e9, registry,
        s -> Points.value(s, "jvm.cpu.time"));
  }

  @Test
  void countUtilizationsAndLoadAverageAreInTheirUnits() {
    MetricRegistry registry = registryWith(OS);
    RegistrySnapshot snapshot = registry.collect();
    assertEquals(Runtime.getRuntime().availableProcessors(), Points.value(snapshot, "jvm.cpu.count"));
    double recent = Points.value(snapshot, "jvm.cpu.recent_utilization");
    assertTrue(recent >= 0 && recent <= 1, "a ratio: " + recent);
    double system = Points.value(snapshot, "jvm.system.cpu.utilization");
    assertTrue(system >= 0 && system <= 1, "a ratio: " + system);
    Readings.assertAgrees("load average", OS::getSystemLoadAverage, registry,
        s -> Points.value(s, "jvm.system.cpu.load_1m"));
  }

  @Test
  void withoutTheJdkExtensionsOnlyCountAndLoadAverageRemain() {
    MetricRegistry registry = registryWith(plainBean(1.5));
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
