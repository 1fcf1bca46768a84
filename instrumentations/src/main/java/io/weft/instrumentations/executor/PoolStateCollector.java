package io.weft.instrumentations.executor;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Pool state read from the live executors at each collection: threads, active threads, maximum
 * threads, queued tasks and free queue capacity, summed over the pools that share a name.
 *
 * <p>Series are bounded like an instrument's: the first {@code seriesLimit} name-and-type
 * combinations seen keep their own series for the life of the JVM; later ones are summed into the
 * overflow series.
 */
final class PoolStateCollector implements Collector {

  static final MetricDescriptor POOL_SIZE = gauge("jvm.executor.pool.size", "{thread}",
      "Threads in the pool; for thread-per-task executors, threads running a task.");
  static final MetricDescriptor POOL_ACTIVE = gauge("jvm.executor.pool.active", "{thread}",
      "Threads running a task.");
  static final MetricDescriptor POOL_MAX = gauge("jvm.executor.pool.max", "{thread}",
      "Most threads the pool may have; for fork-join pools, the parallelism.");
  static final MetricDescriptor QUEUE_SIZE = gauge("jvm.executor.queue.size", "{task}",
      "Tasks waiting in the executor's queue.");
  static final MetricDescriptor QUEUE_REMAINING = gauge("jvm.executor.queue.remaining", "{task}",
      "Tasks the executor's queue can still take (2147483647 for unbounded queues).");

  static final List<MetricDescriptor> METRICS = List.of(POOL_SIZE, POOL_ACTIVE, POOL_MAX, QUEUE_SIZE, QUEUE_REMAINING);

  private final PoolRegistry pools;
  private final int seriesLimit;
  private final Map<String, Boolean> admittedKeys = new ConcurrentHashMap<>();

  PoolStateCollector(PoolRegistry pools, int seriesLimit) {
    this.pools = pools;
    this.seriesLimit = seriesLimit;
  }

  private static MetricDescriptor gauge(String name, String unit, String description) {
    return new MetricDescriptor(name, MetricKind.UP_DOWN_COUNTER, unit, description,
        AttributeKey.strings(ExecutorMetrics.NAME, ExecutorMetrics.TYPE));
  }

  @Override
  public List<MetricDescriptor> describe() {
    return METRICS;
  }

  @Override
  public String name() {
    return "executor pools";
  }

  @Override
  public void collect(Output out) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    double[] overflow = new double[METRICS.size()];
    boolean[] overflowed = new boolean[METRICS.size()];
    Map<String, boolean[]> presence = new LinkedHashMap<>();
    pools.forEach((executor, pool) -> {
      Series series = pool.series();
      if (series == null || pool.leftAlone) {
        return;
      }
      double[] values = read(executor, pool);
      String key = series.type.value + '\u0000' + series.name;
      boolean own = admit(key);
      double[] target = own ? sums.computeIfAbsent(key, k -> new double[METRICS.size()]) : overflow;
      boolean[] seen = own ? presence.computeIfAbsent(key, k -> new boolean[METRICS.size()]) : overflowed;
      for (int i = 0; i < values.length; i++) {
        if (!Double.isNaN(values[i])) {
          target[i] += values[i];
          seen[i] = true;
        }
      }
    });
    sums.forEach((key, values) -> {
      int split = key.indexOf('\u0000');
      String type = key.substring(0, split);
      String name = key.substring(split + 1);
      boolean[] seen = presence.get(key);
      for (int i = 0; i < values.length; i++) {
        if (seen[i]) {
          out.point(METRICS.get(i), values[i], name, type);
        }
      }
    });
    for (int i = 0; i < overflow.length; i++) {
      if (overflowed[i]) {
        out.overflowPoint(METRICS.get(i), overflow[i]);
      }
    }
  }

  /** Whether this name-and-type keeps its own series: once admitted, always. */
  private boolean admit(String key) {
    if (admittedKeys.containsKey(key)) {
      return true;
    }
    synchronized (admittedKeys) {
      if (admittedKeys.size() >= seriesLimit) {
        return admittedKeys.containsKey(key);
      }
      admittedKeys.put(key, Boolean.TRUE);
      return true;
    }
  }

  /** One pool's values in {@link #METRICS} order; NaN where the executor has no such figure. */
  private static double[] read(Object executor, Pool pool) {
    double nan = Double.NaN;
    if (executor instanceof ThreadPoolExecutor tpe) {
      BlockingQueue<Runnable> queue = tpe.getQueue();
      return new double[] {tpe.getPoolSize(), tpe.getActiveCount(), tpe.getMaximumPoolSize(), queue.size(),
          queue.remainingCapacity()};
    }
    if (executor instanceof ForkJoinPool fjp) {
      return new double[] {fjp.getPoolSize(), fjp.getActiveThreadCount(), fjp.getParallelism(),
          fjp.getQueuedSubmissionCount() + fjp.getQueuedTaskCount(), nan};
    }
    int running = pool.running.get();
    return new double[] {running, running, nan, nan, nan};
  }
}
