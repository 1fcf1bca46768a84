package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.collectors.jvm.platform.JdkManagement;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;

/**
 * Process CPU time and utilization as the JVM reports them, the processors available to it, and
 * the whole system's utilization and load average.
 *
 * <pre>{@code
 * registry.register(new CpuCollector(ManagementFactory.getOperatingSystemMXBean()));
 * }</pre>
 *
 * <p>CPU time and both utilizations come from {@code com.sun.management.OperatingSystemMXBean}; on a
 * JVM without it only {@code jvm.cpu.count} and {@code jvm.system.cpu.load_1m} remain. A negative
 * reading ("not available", such as the load average on Windows) leaves its metric out.
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

  private final OperatingSystemMXBean os;
  private final com.sun.management.OperatingSystemMXBean extended;

  public CpuCollector(OperatingSystemMXBean os) {
    this.os = os;
    this.extended = JdkManagement.extendedOs(os);
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /**
   * Cost: five reads from the operating-system bean (each a system call or a cgroup file read
   * inside a container), no allocation.
   */
  @Override
  public void collect(Output out) {
    out.point(COUNT, Runtime.getRuntime().availableProcessors());
    double load = os.getSystemLoadAverage();
    if (load >= 0) {
      out.point(SYSTEM_LOAD_1M, load);
    }
    if (extended == null) {
      return;
    }
    long cpuNanos = extended.getProcessCpuTime();
    if (cpuNanos >= 0) {
      out.point(TIME, cpuNanos / NANOS_PER_SECOND);
    }
    double processLoad = extended.getProcessCpuLoad();
    if (processLoad >= 0) {
      out.point(RECENT_UTILIZATION, processLoad);
    }
    double systemLoad = extended.getCpuLoad();
    if (systemLoad >= 0) {
      out.point(SYSTEM_UTILIZATION, systemLoad);
    }
  }
}
