package io.weft.collectors.jvm.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import io.weft.collectors.jvm.Points;
import io.weft.collectors.jvm.Readings;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcessCollectorTest {

  private static final Path PROC_SELF = Path.of("/proc/self");

  @TempDir Path temp;

  // --- live, compared with /proc/self read independently in the test -----------------------

  @Test
  @EnabledOnOs(OS.LINUX)
  void residentAndVirtualMemoryAndThreadsAreThoseInProcSelfStatusInBytes() {
    MetricRegistry registry = live();
    Readings.assertAgrees("VmRSS", () -> statusKib("VmRSS") * 1024, registry, s -> Points.value(s, "process.memory.usage"));
    Readings.assertAgrees("VmSize", () -> statusKib("VmSize") * 1024, registry, s -> Points.value(s, "process.memory.virtual"));
    Readings.assertAgrees("Threads", () -> statusKib("Threads"), registry, s -> Points.value(s, "process.thread.count"));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void cpuTimeByModeIsProcSelfStatInSeconds() {
    MetricRegistry registry = live();
    Readings.assertAgrees("utime", () -> statTicks(11) / 100.0, registry,
        s -> Points.value(s, "process.cpu.time", "cpu.mode", "user"));
    Readings.assertAgrees("stime", () -> statTicks(12) / 100.0, registry,
        s -> Points.value(s, "process.cpu.time", "cpu.mode", "system"));
    // Both modes together are the process's CPU time as the JVM measures it, to a clock tick each.
    RegistrySnapshot snapshot = registry.collect();
    double jvmSeconds = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    double byModes = Points.sum(snapshot, "process.cpu.time");
    assertTrue(Math.abs(jvmSeconds - byModes) < 0.1, byModes + " s by modes vs " + jvmSeconds + " s");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void openingFiftyFilesRaisesTheDescriptorCountByFifty() throws IOException {
    MetricRegistry registry = live();
    Readings.assertAgrees("open fds", ProcessCollectorTest::fdEntries, registry,
        s -> Points.value(s, "process.unix.file_descriptor.count"));
    Path file = Files.writeString(temp.resolve("f"), "x");
    List<FileInputStream> open = new ArrayList<>();
    try {
      double before = Points.value(registry.collect(), "process.unix.file_descriptor.count");
      for (int i = 0; i < 50; i++) {
        open.add(new FileInputStream(file.toFile()));
      }
      double after = Points.value(registry.collect(), "process.unix.file_descriptor.count");
      assertEquals(50, after - before);
    } finally {
      for (FileInputStream in : open) {
        in.close();
      }
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void theDescriptorLimitIsTheSoftLimitInProcSelfLimits() throws IOException {
    long soft = -1;
    for (String line : Files.readAllLines(PROC_SELF.resolve("limits"))) {
      if (line.startsWith("Max open files")) {
        soft = Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
      }
    }
    assertEquals(soft, Points.value(live().collect(), "jvm.file_descriptor.limit"));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void startingTwentyThreadsRaisesTheOsThreadCountByTwenty() throws InterruptedException {
    MetricRegistry registry = live();
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    try {
      double before = Points.value(registry.collect(), "process.thread.count");
      for (int i = 0; i < 20; i++) {
        Thread t = new Thread(() -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            // stopped by the test
          }
        });
        t.start();
        threads.add(t);
      }
      double after = Points.value(registry.collect(), "process.thread.count");
      assertEquals(20, after - before);
    } finally {
      release.countDown();
      for (Thread t : threads) {
        t.join(10_000);
      }
    }
  }

  @Test
  void uptimeIsTheJvmUptimeInSeconds() {
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    Readings.assertAgrees("uptime", () -> runtime.getUptime() / 1000.0, live(), s -> Points.value(s, "process.uptime"));
  }

  // --- fixtures: the same parsing on known files, and what is left when sources are missing ---

  @Test
  void fixtureFilesAreParsedIntoExactValues() throws Exception {
    Path procSelf = Path.of(getClass().getResource("/proc/self").toURI());
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new ProcessCollector(procSelf, plainOs(), runtimeWithUptime(12_345)));
    RegistrySnapshot s = registry.collect();

    assertEquals(7.31, Points.value(s, "process.cpu.time", "cpu.mode", "user"), 1e-9);   // 731 ticks
    assertEquals(0.52, Points.value(s, "process.cpu.time", "cpu.mode", "system"), 1e-9); // 52 ticks
    assertEquals(262144L * 1024, Points.value(s, "process.memory.usage"));
    assertEquals(4194304L * 1024, Points.value(s, "process.memory.virtual"));
    assertEquals(27, Points.value(s, "process.thread.count"));
    // Five entries, one of which stands for the listing's own directory handle, as in /proc.
    assertEquals(4, Points.value(s, "process.unix.file_descriptor.count"));
    assertEquals(4096, Points.value(s, "jvm.file_descriptor.limit"));
    assertEquals(12.345, Points.value(s, "process.uptime"));
  }

  @Test
  void withNoProcDirectoryAndNoJdkExtensionsOnlyUptimeRemains() {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new ProcessCollector(temp.resolve("no-proc"), plainOs(), runtimeWithUptime(2_000)));
    RegistrySnapshot s = registry.collect();
    assertEquals(List.of("process.uptime"),
        s.metrics().stream().map(m -> m.descriptor().name()).filter(n -> !n.startsWith("weft.")).toList());
    assertEquals(2.0, Points.value(s, "process.uptime"));
  }

  private static MetricRegistry live() {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(ProcessCollector.forThisProcess());
    return registry;
  }

  private static long statusKib(String key) {
    try {
      for (String line : Files.readAllLines(PROC_SELF.resolve("status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no " + key + " in /proc/self/status");
  }

  /** A field of /proc/self/stat, counted from the first field after the command name. */
  private static long statTicks(int indexAfterCommand) {
    try {
      String stat = Files.readString(PROC_SELF.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return Long.parseLong(fields[indexAfterCommand]);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Descriptors in /proc/self/fd, less the one the listing itself holds. */
  private static long fdEntries() {
    return new File("/proc/self/fd").list().length - 1;
  }

  private static OperatingSystemMXBean plainOs() {
    return (OperatingSystemMXBean) Proxy.newProxyInstance(ProcessCollectorTest.class.getClassLoader(),
        new Class<?>[] {OperatingSystemMXBean.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static RuntimeMXBean runtimeWithUptime(long millis) {
    return (RuntimeMXBean) Proxy.newProxyInstance(ProcessCollectorTest.class.getClassLoader(),
        new Class<?>[] {RuntimeMXBean.class}, (proxy, method, args) -> {
          if (method.getName().equals("getUptime")) {
            return millis;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
