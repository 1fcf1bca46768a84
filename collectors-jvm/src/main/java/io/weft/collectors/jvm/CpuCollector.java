package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.collectors.jvm.platform.JdkManagement;
import io.weft.collectors.jvm.platform.SmallFile;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * Process CPU time and utilization as the JVM reports them, the processors available to it, and
 * the whole system's utilization and load average.
 *
 * <pre>{@code
 * registry.register(new CpuCollector(ManagementFactory.getOperatingSystemMXBean()));
 * }</pre>
 *
 * <p>Both utilizations cover the time since the previous collection (the first one: since the JVM
 * started, and since boot): {@code jvm.cpu.recent_utilization} is the process's CPU time over the
 * CPU time available to the JVM ({@code elapsed * jvm.cpu.count}); {@code
 * jvm.system.cpu.utilization} is the non-idle share of all CPUs' time in the first line of {@code
 * /proc/stat}. The JDK's {@code getProcessCpuLoad()} and {@code getCpuLoad()} answer the same
 * questions, but inside a cgroup each call rereads several cgroup files, 0.3-0.7 ms per call on this
 * project's 2-core VM, more than the whole collection may cost; they are used only where {@code
 * /proc/stat} is missing.
 *
 * <p>CPU time comes from {@code com.sun.management.OperatingSystemMXBean}; on a JVM without it
 * only {@code jvm.cpu.count}, {@code jvm.system.cpu.load_1m} and (from {@code /proc/stat}) {@code
 * jvm.system.cpu.utilization} remain. A negative reading ("not available", such as the load average
 * on Windows) leaves its metric out.
 */
public final class CpuCollector implements Collector {

  public static final MetricDescriptor TIME = new MetricDescriptor("jvm.cpu.time",
      MetricKind.COUNTER, "s", "CPU time used by the process as reported by the JVM.", List.of());
  public static final MetricDescriptor COUNT = new MetricDescriptor("jvm.cpu.count",
      MetricKind.UP_DOWN_COUNTER, "{cpu}", "Number of processors available to the Java virtual machine.",
      List.of());
  public static final MetricDescriptor RECENT_UTILIZATION = new MetricDescriptor(
      "jvm.cpu.recent_utilization", MetricKind.GAUGE, "1",
      "Recent CPU utilization for the process as reported by the JVM.", List.of());
  public static final MetricDescriptor SYSTEM_UTILIZATION = new MetricDescriptor(
      "jvm.system.cpu.utilization", MetricKind.GAUGE, "1",
      "Recent CPU utilization for the whole system as reported by the JVM.", List.of());
  public static final MetricDescriptor SYSTEM_LOAD_1M = new MetricDescriptor(
      "jvm.system.cpu.load_1m", MetricKind.GAUGE, "{run_queue_item}",
      "Average CPU load of the whole system for the last minute as reported by the JVM.", List.of());

  public static final List<MetricDescriptor> METRICS =
      List.of(TIME, COUNT, RECENT_UTILIZATION, SYSTEM_UTILIZATION, SYSTEM_LOAD_1M);

  private static final double NANOS_PER_SECOND = 1e9;

  /** {@code /proc/stat}'s first line: "cpu" then user nice system idle iowait irq softirq steal. */
  private static final int IDLE = 3;
  private static final int IOWAIT = 4;
  private static final int BUSY_AND_IDLE_FIELDS = 8;

  private final OperatingSystemMXBean os;
  private final com.sun.management.OperatingSystemMXBean extended;
  private final SmallFile procStat;

  // The previous collection's readings, from which the utilizations are computed.
  private long lastCpuNanos;
  private long lastWallNanos;
  private double lastProcessUtilization = -1;
  private long lastSystemTotalTicks;
  private long lastSystemIdleTicks;
  private double lastSystemUtilization = -1;

  public CpuCollector(OperatingSystemMXBean os) {
    this(os, Path.of("/proc/stat"));
  }

  /** @param procStat the system's {@code /proc/stat}; tests pass a fixture */
  public CpuCollector(OperatingSystemMXBean os, Path procStat) {
    this.os = os;
    this.extended = JdkManagement.extendedOs(os);
    SmallFile stat = new SmallFile(procStat);
    this.procStat = stat.isReadable() ? stat : null;
    // The first utilization covers the JVM's life so far.
    this.lastWallNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /**
   * Cost: three system calls ({@code availableProcessors}, {@code getloadavg}, {@code times}) and
   * one read of {@code /proc/stat}; allocates a file stream and nothing else.
   */
  @Override
  public synchronized void collect(Output out) {
    int processors = Runtime.getRuntime().availableProcessors();
    out.point(COUNT, processors);
    double load = os.getSystemLoadAverage();
    if (load >= 0) {
      out.point(SYSTEM_LOAD_1M, load);
    }
    if (extended != null) {
      long cpuNanos = extended.getProcessCpuTime();
      if (cpuNanos >= 0) {
        out.point(TIME, cpuNanos / NANOS_PER_SECOND);
        emitIfKnown(out, RECENT_UTILIZATION, processUtilization(cpuNanos, System.nanoTime(), processors));
      }
    }
    emitIfKnown(out, SYSTEM_UTILIZATION, systemUtilization());
  }

  private double processUtilization(long cpuNanos, long wallNanos, int processors) {
    long elapsed = wallNanos - lastWallNanos;
    if (elapsed > 0) {
      double utilization = (double) (cpuNanos - lastCpuNanos) / ((double) elapsed * processors);
      lastProcessUtilization = Math.max(0, Math.min(1, utilization));
      lastCpuNanos = cpuNanos;
      lastWallNanos = wallNanos;
    }
    return lastProcessUtilization;
  }

  private double systemUtilization() {
    if (procStat == null) {
      return extended == null ? -1 : extended.getCpuLoad();
    }
    if (!procStat.read()) {
      return -1;
    }
    long total = 0;
    for (int i = 0; i < BUSY_AND_IDLE_FIELDS; i++) {
      long ticks = procStat.field(1 + i);
      if (ticks == SmallFile.ABSENT) {
        return -1;
      }
      total += ticks;
    }
    long idle = procStat.field(1 + IDLE) + procStat.field(1 + IOWAIT);
    long elapsedTicks = total - lastSystemTotalTicks;
    if (elapsedTicks > 0) { // else less than a tick since the last collection: keep its value
      lastSystemUtilization = 1.0 - (double) (idle - lastSystemIdleTicks) / elapsedTicks;
      lastSystemTotalTicks = total;
      lastSystemIdleTicks = idle;
    }
    return lastSystemUtilization;
  }

  private static void emitIfKnown(Output out, MetricDescriptor metric, double value) {
    if (value >= 0) {
      out.point(metric, value);
    }
  }
}
