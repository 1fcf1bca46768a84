package io.weft.collectors.jvm.container;

import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.collectors.jvm.platform.SmallFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The container's CPU limit and throttling, memory limit and usage, from this process's cgroup.
 *
 * <pre>{@code
 * ContainerCollector container = ContainerCollector.locate(Path.of("/"));
 * if (container != null) {      // null: no cgroup controllers (not Linux, or not found)
 *   registry.register(container);
 * }
 * }</pre>
 *
 * <p>The limit files are read at each collection, so a limit set or lifted while the JVM runs (an
 * in-place resize) shows at the next scrape. CPU metrics appear only while a CPU quota is set, memory
 * metrics only while a memory limit is set. {@code container.memory.usage} is the semantic
 * conventions' name; the others are not defined there and follow the OpenTelemetry Collector's
 * {@code docker_stats} receiver (with time in seconds rather than nanoseconds).
 */
public final class ContainerCollector implements Collector {

  public static final MetricDescriptor CPU_LIMIT = new MetricDescriptor("container.cpu.limit",
      MetricKind.GAUGE, "{cpu}", "CPU limit of the container, in cores (CFS quota / period).", List.of());
  public static final MetricDescriptor CPU_PERIODS = new MetricDescriptor(
      "container.cpu.throttling_data.periods", MetricKind.COUNTER, "{period}",
      "Number of CFS enforcement periods in which the container had runnable tasks.", List.of());
  public static final MetricDescriptor CPU_THROTTLED_PERIODS = new MetricDescriptor(
      "container.cpu.throttling_data.throttled_periods", MetricKind.COUNTER, "{period}",
      "Number of periods in which the container used up its CPU quota and was throttled.", List.of());
  public static final MetricDescriptor CPU_THROTTLED_TIME = new MetricDescriptor(
      "container.cpu.throttling_data.throttled_time", MetricKind.COUNTER, "s",
      "Total time the container's tasks were throttled.", List.of());
  public static final MetricDescriptor MEMORY_LIMIT = new MetricDescriptor("container.memory.usage.limit",
      MetricKind.UP_DOWN_COUNTER, "By", "Memory limit of the container.", List.of());
  public static final MetricDescriptor MEMORY_USAGE = new MetricDescriptor("container.memory.usage",
      MetricKind.UP_DOWN_COUNTER, "By", "Memory usage of the container.", List.of());

  public static final List<MetricDescriptor> METRICS = List.of(CPU_LIMIT, CPU_PERIODS,
      CPU_THROTTLED_PERIODS, CPU_THROTTLED_TIME, MEMORY_LIMIT, MEMORY_USAGE);

  private final Cgroup cgroup;
  private final CpuLimitFiles cpu;
  private final MemoryLimitFiles memory;

  public ContainerCollector(Cgroup cgroup) {
    this.cgroup = cgroup;
    this.cpu = cgroup.cpu() == null ? null : new CpuLimitFiles(cgroup.cpu());
    this.memory = cgroup.memory() == null ? null : new MemoryLimitFiles(cgroup.memory());
  }

  /** The collector for this process's cgroup under {@code fsRoot}, or null if it has none. */
  public static ContainerCollector locate(Path fsRoot) {
    Cgroup cgroup = Cgroup.locate(fsRoot);
    return cgroup == null ? null : new ContainerCollector(cgroup);
  }

  public Cgroup cgroup() {
    return cgroup;
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /** Cost: two small file reads per controller (three for v1 CPU), no allocation beyond the streams. */
  @Override
  public synchronized void collect(Output out) {
    if (cpu != null && cpu.read()) {
      out.point(CPU_LIMIT, cpu.limitCores());
      emitIfKnown(out, CPU_PERIODS, cpu.periods());
      emitIfKnown(out, CPU_THROTTLED_PERIODS, cpu.throttledPeriods());
      if (!Double.isNaN(cpu.throttledSeconds())) {
        out.point(CPU_THROTTLED_TIME, cpu.throttledSeconds());
      }
    }
    if (memory != null && memory.read()) {
      out.point(MEMORY_LIMIT, memory.limitBytes());
      emitIfKnown(out, MEMORY_USAGE, memory.usageBytes());
    }
  }

  private static void emitIfKnown(Output out, MetricDescriptor metric, long value) {
    if (value != SmallFile.ABSENT) {
      out.point(metric, value);
    }
  }
}
