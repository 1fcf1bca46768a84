package io.weft.instrumentations.executor;

import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executor instruments, the live pools and the submission times: everything the hooks record
 * into. No semantic convention covers executors, so the names are Weft's (see docs/metrics.md).
 */
public final class ExecutorMetrics {

  static final String NAME = "jvm.executor.name";
  static final String TYPE = "jvm.executor.type";

  /**
   * Seconds, from 100 µs to a minute: executor tasks range from sub-millisecond callbacks to
   * batch jobs, and the HTTP buckets (from 5 ms) would put most tasks in the first bucket.
   */
  static final double[] SECONDS = {
    0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };

  /** Sets of the thread pools' submission table: 1,024 sets of 8 slots, 64 KB. */
  static final int SUBMISSION_SETS = 1024;
  /** Sets of the fork-join pools' submission table: 512 sets of 8 slots, 32 KB. */
  static final int FORK_JOIN_SUBMISSION_SETS = 512;

  private static volatile ExecutorMetrics current;

  private final Histogram duration;
  private final Histogram waitDuration;
  private final Counter rejected;
  private final ConcurrentHashMap<String, Series> series = new ConcurrentHashMap<>();
  private final int seriesLimit;
  final PoolRegistry pools = new PoolRegistry();
  final SubmissionTimes submissions = new SubmissionTimes(SUBMISSION_SETS, false);
  /** Counting, so that forked subtasks (never submitted) skip the look-up while it is empty. */
  final SubmissionTimes forkJoinSubmissions = new SubmissionTimes(FORK_JOIN_SUBMISSION_SETS, true);

  private ExecutorMetrics(MetricRegistry registry) {
    seriesLimit = registry.seriesLimit();
    duration = registry.histogram("jvm.executor.task.duration")
        .unit("s")
        .description("Run time of tasks on executor threads.")
        .buckets(SECONDS)
        .attributeKeys(NAME, TYPE)
        .register();
    waitDuration = registry.histogram("jvm.executor.task.wait.duration")
        .unit("s")
        .description("Time tasks waited in an executor's queue, from submission (or the scheduled time) to the start of their run.")
        .buckets(SECONDS)
        .attributeKeys(NAME, TYPE)
        .register();
    rejected = registry.counter("jvm.executor.task.rejected")
        .unit("{task}")
        .description("Tasks an executor rejected.")
        .attributeKeys(NAME, TYPE)
        .register();
  }

  /** Registers the instruments and makes the hooks record into them; the pool state comes with {@link #registerPoolState}. */
  public static ExecutorMetrics install(MetricRegistry registry) {
    ExecutorMetrics m = new ExecutorMetrics(registry);
    current = m;
    return m;
  }

  /**
   * Registers the collector that reads pool state from the live executors (kept apart from {@link
   * #install} so that the agent can do it off {@code premain}).
   */
  public void registerPoolState(MetricRegistry registry) {
    registry.register(new PoolStateCollector(pools, seriesLimit));
  }

  /** The installed instance, or null when executor metrics are off. */
  static ExecutorMetrics current() {
    return current;
  }

  /**
   * The series of this name and type, bound once and shared by every pool with that name. Past the
   * series limit the instruments hand out their overflow series, and the bound handles are no longer
   * cached here (each such pool keeps its own), so this map stays within the limit too.
   */
  Series series(String name, PoolType type) {
    String key = type.value + '\u0000' + name;
    Series s = series.get(key);
    if (s != null) {
      return s;
    }
    s = new Series(name, type, duration.bind(name, type.value),
        type.queues() ? waitDuration.bind(name, type.value) : null, rejected.bind(name, type.value));
    if (series.size() >= seriesLimit) {
      return s;
    }
    Series raced = series.putIfAbsent(key, s);
    return raced != null ? raced : s;
  }
}
