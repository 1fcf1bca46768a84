package io.weft.collectors.jvm;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Live platform threads by daemon flag and state.
 *
 * <pre>{@code
 * registry.register(new ThreadCollector());
 * }</pre>
 *
 * <p>States are counted from the thread objects themselves: the root thread group is enumerated
 * and each thread's {@link Thread#getState()} and {@link Thread#isDaemon()} are read, which are
 * field reads. This is what the JVM also reports through {@code ThreadMXBean} (the same threads:
 * platform threads, no virtual threads, no hidden JVM threads), at about a tenth of the cost of
 * {@code ThreadMXBean.getThreadInfo(ids, 0)}, which builds one {@code ThreadInfo} per thread (measured
 * on this project's 2-core machine with 2,000 threads: 0.02-0.8 ms against 1.2-3.5 ms on Java 17
 * and 25). No stack is walked and no safepoint is requested.
 */
public final class ThreadCollector implements Collector {

  public static final MetricDescriptor COUNT = new MetricDescriptor("jvm.thread.count",
      MetricKind.UP_DOWN_COUNTER, "{thread}", "Number of executing platform threads.",
      List.of(AttributeKey.booleanKey("jvm.thread.daemon").recommended(),
          AttributeKey.string("jvm.thread.state").recommended()));

  public static final List<MetricDescriptor> METRICS = List.of(COUNT);

  private static final Thread.State[] STATES = Thread.State.values();

  private final ThreadGroup root;
  /** Attribute values per slot {@code state * 2 + (daemon ? 1 : 0)}, built once. */
  private final Object[][] attributeValues = new Object[STATES.length * 2][];
  private final int[] counts = new int[STATES.length * 2];
  /** Reused between collections and cleared after each, so no thread is kept alive by it. */
  private Thread[] scratch = new Thread[64];

  public ThreadCollector() {
    ThreadGroup group = Thread.currentThread().getThreadGroup();
    while (group.getParent() != null) {
      group = group.getParent();
    }
    this.root = group;
    for (Thread.State state : STATES) {
      String name = state.name().toLowerCase(Locale.ROOT);
      attributeValues[slot(state, false)] = new Object[] {Boolean.FALSE, name};
      attributeValues[slot(state, true)] = new Object[] {Boolean.TRUE, name};
    }
  }

  private static int slot(Thread.State state, boolean daemon) {
    return state.ordinal() * 2 + (daemon ? 1 : 0);
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  /**
   * Cost: one enumeration of the live threads plus two field reads per thread; allocates nothing
   * once the scratch array has grown to the thread count. Only combinations with threads are
   * emitted, as the OpenTelemetry Java agent does.
   */
  @Override
  public synchronized void collect(Output out) {
    int n = enumerateLiveThreads();
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      Thread thread = scratch[i];
      scratch[i] = null;
      counts[slot(thread.getState(), thread.isDaemon())]++;
    }
    for (int s = 0; s < counts.length; s++) {
      if (counts[s] > 0) {
        out.point(COUNT, counts[s], attributeValues[s]);
      }
    }
  }

  /** Fills {@link #scratch}; a full array may have missed threads, so it grows and tries again. */
  private int enumerateLiveThreads() {
    while (true) {
      int n = root.enumerate(scratch, true);
      if (n < scratch.length) {
        return n;
      }
      Arrays.fill(scratch, null);
      scratch = new Thread[scratch.length * 2];
    }
  }
}
