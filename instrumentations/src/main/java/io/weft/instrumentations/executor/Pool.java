package io.weft.instrumentations.executor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the agent keeps about one live executor: its type, who created it, and (once known) the
 * series it records into. It never references the executor itself, so it cannot keep it alive.
 *
 * <p>The name is settled once, at the first moment one of the pool's threads is at hand (its first
 * worker for a thread pool, its first task for the others) because the thread-name rule needs a
 * thread; a pool whose threads can only have JDK default names is named at construction. Until
 * then the pool is left out of collections; a rejection before then names it without a thread.
 */
final class Pool {

  final PoolType type;
  /** The agent's own pools and the JDK's internal ones: registered so that look-ups are quick, never measured. */
  final boolean leftAlone;
  private final String creator;
  private final boolean common;
  private volatile Series series;

  /** Tasks running now, for thread-per-task executors, whose threads the agent cannot list. */
  final AtomicInteger running = new AtomicInteger();

  Pool(PoolType type, String creator, boolean common) {
    this.type = type;
    this.creator = creator;
    this.common = common;
    this.leftAlone = !common && CreatingClass.isLeftAlone(creator);
  }

  /** The series, or null while the pool has no name yet. One volatile read. */
  Series series() {
    return series;
  }

  /**
   * The series, naming the pool first if needed.
   *
   * @param threadName the name of one of the pool's threads, or null when none is at hand: then the
   *     pool is named only if {@code evenWithoutThread}
   */
  Series name(ExecutorMetrics metrics, Object executor, Object factory, String threadName, boolean evenWithoutThread) {
    Series s = series;
    if (s != null || (threadName == null && !evenWithoutThread)) {
      return s;
    }
    synchronized (this) {
      if (series == null) {
        series = metrics.series(PoolName.of(factory, executor, threadName, common, creator), type);
      }
      return series;
    }
  }

  /** The thread factory a pool's name may come from, or null for executors that do not expose it. */
  static Object factoryOf(Object executor) {
    if (executor instanceof ThreadPoolExecutor tpe) {
      return tpe.getThreadFactory();
    }
    if (executor instanceof ForkJoinPool fjp) {
      return fjp.getFactory();
    }
    return null;
  }

  /**
   * Whether every thread of the pool will have a JDK default name, so that the name can be settled
   * at construction without waiting for a thread.
   */
  static boolean threadsHaveDefaultNames(Object factory) {
    if (factory == null) {
      return false;
    }
    String name = factory.getClass().getName();
    return name.equals("java.util.concurrent.Executors$DefaultThreadFactory")
        || name.equals("java.util.concurrent.Executors$PrivilegedThreadFactory")
        || name.startsWith("java.util.concurrent.ForkJoinPool$Default");
  }
}
