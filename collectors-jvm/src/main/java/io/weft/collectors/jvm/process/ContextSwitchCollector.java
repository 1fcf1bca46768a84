package io.weft.collectors.jvm.process;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.collectors.jvm.platform.SmallFile;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Voluntary and involuntary context switches of all the process's threads. Opt-in, because Linux
 * offers no cheap whole-process figure.
 *
 * <pre>{@code
 * registry.register(new ContextSwitchCollector(Path.of("/proc/self")));
 * }</pre>
 *
 * <p>{@code /proc/self/status} counts only the main thread's switches, and a JVM's main thread
 * sleeps in {@code pthread_join} for the whole run, so that figure stays near zero. The sum over
 * threads needs one read of {@code /proc/self/task/<tid>/status} per thread: about 20-50 µs each
 * on this project's 2-core VM, 3-10 ms with 200 threads, far past the collection budget. Hence the
 * switch.
 *
 * <p>A thread's counts vanish from {@code /proc} when it exits. To keep the counter monotonic, the
 * last counts seen for a thread that has gone are kept in a running total (one small map entry per
 * live thread); switches a thread makes between the last collection and its exit are not counted.
 */
public final class ContextSwitchCollector implements Collector {

  public static final MetricDescriptor CONTEXT_SWITCHES = new MetricDescriptor("process.context_switches",
      MetricKind.COUNTER, "{context_switch}", "Number of times the process has been context switched.",
      List.of(AttributeKey.string("process.context_switch.type").recommended()));

  public static final List<MetricDescriptor> METRICS = List.of(CONTEXT_SWITCHES);

  private static final String[] VOLUNTARY = {"voluntary"};
  private static final String[] INVOLUNTARY = {"involuntary"};

  private final File taskDirectory;
  private final String taskPrefix;
  private final SmallFile reader;
  private Map<String, long[]> lastSeen = new HashMap<>();
  private long retiredVoluntary;
  private long retiredInvoluntary;

  public ContextSwitchCollector(Path procSelf) {
    Path tasks = procSelf.resolve("task");
    this.taskDirectory = tasks.toFile();
    this.taskPrefix = tasks + File.separator;
    this.reader = new SmallFile(tasks); // one buffer for all threads; each read names its file
  }

  /** True if this system has per-thread status files to read. */
  public boolean isAvailable() {
    return taskDirectory.isDirectory();
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /** Cost: one directory listing and one small file read per live thread (see the class note). */
  @Override
  public synchronized void collect(Output out) {
    String[] tids = taskDirectory.list();
    if (tids == null) {
      return;
    }
    Map<String, long[]> seen = new HashMap<>(tids.length * 2);
    long voluntary = 0;
    long involuntary = 0;
    for (String tid : tids) {
      if (!reader.read(taskPrefix + tid + File.separator + "status")) {
        continue; // the thread exited since the listing; its last counts are retired below
      }
      long v = reader.valueOf("voluntary_ctxt_switches");
      long n = reader.valueOf("nonvoluntary_ctxt_switches");
      if (v == SmallFile.ABSENT || n == SmallFile.ABSENT) {
        continue;
      }
      long[] previous = lastSeen.get(tid);
      if (previous != null && (v < previous[0] || n < previous[1])) {
        retire(previous); // the id was reused by a new thread
      }
      seen.put(tid, new long[] {v, n});
      voluntary += v;
      involuntary += n;
    }
    for (Map.Entry<String, long[]> e : lastSeen.entrySet()) {
      if (!seen.containsKey(e.getKey())) {
        retire(e.getValue());
      }
    }
    lastSeen = seen;
    out.point(CONTEXT_SWITCHES, retiredVoluntary + voluntary, VOLUNTARY);
    out.point(CONTEXT_SWITCHES, retiredInvoluntary + involuntary, INVOLUNTARY);
  }

  private void retire(long[] counts) {
    retiredVoluntary += counts[0];
    retiredInvoluntary += counts[1];
  }
}
