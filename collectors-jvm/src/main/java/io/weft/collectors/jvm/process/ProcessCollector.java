package io.weft.collectors.jvm.process;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.collectors.jvm.platform.JdkManagement;
import io.weft.collectors.jvm.platform.SmallFile;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * The process as the operating system sees it: CPU time by mode, resident and virtual memory, OS
 * threads (JVM-internal ones included), open file descriptors and their limit, and uptime.
 *
 * <pre>{@code
 * registry.register(ProcessCollector.forThisProcess());
 * }</pre>
 *
 * <p>Sources, first choice first; a metric whose sources are all missing is left out:
 * <ul>
 *   <li>CPU time by mode: fields {@code utime} and {@code stime} of {@code /proc/self/stat}, in clock
 *       ticks of 1/100 s (Linux fixes {@code USER_HZ} at 100 for user space on every architecture
 *       Java runs on);
 *   <li>resident memory, virtual memory, thread count: {@code VmRSS}, {@code VmSize} and {@code
 *       Threads} of {@code /proc/self/status}; virtual memory falls back to the JDK's committed
 *       virtual memory size;
 *   <li>open file descriptors and their limit: the JDK's Unix operating-system bean (which counts
 *       {@code /proc/self/fd} in native code and reads the soft {@code RLIMIT_NOFILE}), else the
 *       entries of {@code /proc/self/fd} and the "Max open files" line of {@code /proc/self/limits};
 *   <li>uptime: the JVM's uptime, which starts when the JVM is created, a few milliseconds after the
 *       process.
 * </ul>
 */
public final class ProcessCollector implements Collector {

  public static final MetricDescriptor CPU_TIME = new MetricDescriptor("process.cpu.time",
      MetricKind.COUNTER, "s", "Total CPU seconds broken down by different CPU modes.", List.of(AttributeKey.string("cpu.mode").recommended()));
  public static final MetricDescriptor MEMORY_USAGE = new MetricDescriptor("process.memory.usage",
      MetricKind.UP_DOWN_COUNTER, "By", "The amount of physical memory in use.", List.of());
  public static final MetricDescriptor MEMORY_VIRTUAL = new MetricDescriptor("process.memory.virtual",
      MetricKind.UP_DOWN_COUNTER, "By", "The amount of committed virtual memory.", List.of());
  public static final MetricDescriptor THREAD_COUNT = new MetricDescriptor("process.thread.count",
      MetricKind.UP_DOWN_COUNTER, "{thread}", "Process threads count.", List.of());
  public static final MetricDescriptor FILE_DESCRIPTOR_COUNT = new MetricDescriptor(
      "process.unix.file_descriptor.count", MetricKind.UP_DOWN_COUNTER, "{file_descriptor}",
      "Number of UNIX file descriptors in use by the process.", List.of());
  public static final MetricDescriptor FILE_DESCRIPTOR_LIMIT = new MetricDescriptor(
      "jvm.file_descriptor.limit", MetricKind.UP_DOWN_COUNTER, "{file_descriptor}",
      "Measure of max open file descriptors as reported by the JVM.", List.of());
  public static final MetricDescriptor UPTIME = new MetricDescriptor("process.uptime",
      MetricKind.GAUGE, "s", "The time the process has been running.", List.of());

  public static final List<MetricDescriptor> METRICS = List.of(CPU_TIME, MEMORY_USAGE, MEMORY_VIRTUAL,
      THREAD_COUNT, FILE_DESCRIPTOR_COUNT, FILE_DESCRIPTOR_LIMIT, UPTIME);

  /** Linux {@code USER_HZ}: the unit of the times in {@code /proc/<pid>/stat}. */
  static final double CLOCK_TICKS_PER_SECOND = 100.0;

  /** In {@code /proc/self/stat}, counted from the first field after the command name's ')'. */
  private static final int UTIME_FIELD = 11;
  private static final int STIME_FIELD = 12;

  private static final double BYTES_PER_KIB = 1024.0;
  private static final String[] USER = {"user"};
  private static final String[] SYSTEM = {"system"};

  private final SmallFile stat;
  private final SmallFile status;
  private final SmallFile limits;
  private final File fdDirectory;
  private final com.sun.management.UnixOperatingSystemMXBean unix;
  private final com.sun.management.OperatingSystemMXBean extended;
  private final RuntimeMXBean runtime;

  /**
   * @param procSelf this process's {@code /proc} directory; tests pass a fixture directory
   * @param os the operating-system bean; a plain one makes the collector read files only
   */
  public ProcessCollector(Path procSelf, OperatingSystemMXBean os, RuntimeMXBean runtime) {
    this.stat = readableOrNull(procSelf.resolve("stat"));
    this.status = readableOrNull(procSelf.resolve("status"));
    this.limits = readableOrNull(procSelf.resolve("limits"));
    File fd = procSelf.resolve("fd").toFile();
    this.fdDirectory = fd.isDirectory() ? fd : null;
    this.unix = JdkManagement.unixOs(os);
    this.extended = JdkManagement.extendedOs(os);
    this.runtime = runtime;
  }

  /** The collector for this JVM's own process. */
  public static ProcessCollector forThisProcess() {
    return new ProcessCollector(Path.of("/proc/self"), ManagementFactory.getOperatingSystemMXBean(),
        ManagementFactory.getRuntimeMXBean());
  }

  private static SmallFile readableOrNull(Path path) {
    SmallFile file = new SmallFile(path);
    return file.isReadable() ? file : null;
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /**
   * Cost: reads of {@code /proc/self/stat} and {@code /proc/self/status} (about 20 µs each on a
   * small VM; the kernel sums every thread's times for {@code stat}, so it grows to about 250 µs
   * with 2,000 threads), one native count of {@code /proc/self/fd}, one {@code getrlimit}. Allocates
   * two file streams and nothing else.
   */
  @Override
  public synchronized void collect(Output out) {
    if (stat != null && stat.read()) {
      emitTicks(out, stat.fieldAfterLast(')', UTIME_FIELD), USER);
      emitTicks(out, stat.fieldAfterLast(')', STIME_FIELD), SYSTEM);
    }
    boolean virtualDone = false;
    if (status != null && status.read()) {
      emitKib(out, MEMORY_USAGE, status.valueOf("VmRSS"));
      virtualDone = emitKib(out, MEMORY_VIRTUAL, status.valueOf("VmSize"));
      long threads = status.valueOf("Threads");
      if (threads != SmallFile.ABSENT) {
        out.point(THREAD_COUNT, threads);
      }
    }
    if (!virtualDone && extended != null) {
      emitIfKnown(out, MEMORY_VIRTUAL, extended.getCommittedVirtualMemorySize());
    }
    emitIfKnown(out, FILE_DESCRIPTOR_COUNT, openFileDescriptors());
    emitIfKnown(out, FILE_DESCRIPTOR_LIMIT, fileDescriptorLimit());
    out.point(UPTIME, runtime.getUptime() / 1000.0);
  }

  private long openFileDescriptors() {
    if (unix != null) {
      return unix.getOpenFileDescriptorCount();
    }
    if (fdDirectory != null) {
      String[] entries = fdDirectory.list();
      // Listing opens the directory itself, which shows up as one more descriptor.
      return entries == null ? -1 : entries.length - 1;
    }
    return -1;
  }

  private long fileDescriptorLimit() {
    if (unix != null) {
      return unix.getMaxFileDescriptorCount();
    }
    if (limits != null && limits.read()) {
      return limits.valueOf("Max open files"); // the soft limit; "unlimited" is ABSENT
    }
    return -1;
  }

  private static void emitTicks(Output out, long ticks, String[] mode) {
    if (ticks != SmallFile.ABSENT) {
      out.point(CPU_TIME, ticks / CLOCK_TICKS_PER_SECOND, mode);
    }
  }

  private static boolean emitKib(Output out, MetricDescriptor metric, long kib) {
    if (kib == SmallFile.ABSENT) {
      return false;
    }
    out.point(metric, kib * BYTES_PER_KIB);
    return true;
  }

  private static void emitIfKnown(Output out, MetricDescriptor metric, long value) {
    if (value >= 0) {
      out.point(metric, value);
    }
  }
}
