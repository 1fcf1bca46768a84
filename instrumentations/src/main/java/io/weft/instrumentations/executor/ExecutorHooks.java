package io.weft.instrumentations.executor;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.context.CallDepth;
import io.weft.bootstrap.log.WeftLog;
import java.util.concurrent.Delayed;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What code woven into the JDK's executors calls. Tasks are never wrapped: the hooks see the
 * application's own task objects and leave them as they are.
 *
 * <p>A task's run is timed where the executor's thread calls it (inside {@code runWorker}, around
 * {@code task.run()}; around {@code ForkJoinTask.doExec()}; around the thread-per-task runner), so
 * overridden {@code beforeExecute}/{@code afterExecute} methods change nothing. Its wait runs from
 * submission (the entry of {@code execute} or of the fork-join pool's submission method) to that
 * start; for scheduled executors, from the time the task was due.
 *
 * <p>Runs on the agent's own threads are ignored, and pools created by the agent or by the JDK for
 * itself are registered as left alone. Every method returns quickly and never throws; a start hook
 * returns 0 for "not measured", which its end hook then skips.
 */
public final class ExecutorHooks {

  private static final double NANOS_TO_SECONDS = 1e-9;
  private static final String VIRTUAL_THREAD_CLASS = "java.lang.VirtualThread";
  private static final String CARRIER_THREAD_CLASS = "jdk.internal.misc.CarrierThread";
  /** A fork-join submission may pass through two hooked methods (Java 21+'s externalSubmit calls poolSubmit). */
  private static final CallDepth FORK_JOIN_SUBMISSION = new CallDepth();

  private ExecutorHooks() {}

  // --- ThreadPoolExecutor and ScheduledThreadPoolExecutor ---

  /** On exit of each {@code ThreadPoolExecutor} constructor (once per constructor on a {@code this(...)} chain). */
  public static void threadPoolCreated(Object executor) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null) {
      return;
    }
    try {
      if (m.pools.get(executor) == null) {
        PoolType type = executor instanceof ScheduledThreadPoolExecutor ? PoolType.SCHEDULED : PoolType.THREAD_POOL;
        created(m, executor, type, CreatingClass.of(executor), false);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On exit of the {@code ThreadPoolExecutor.Worker} constructor: a new pool thread, which can name the pool. */
  public static void workerCreated(Object executor, Thread thread) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null || thread == null) {
      return;
    }
    try {
      Pool pool = pool(m, executor);
      if (!pool.leftAlone && pool.series() == null) {
        pool.name(m, executor, Pool.factoryOf(executor), thread.getName(), false);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * On entry to {@code ThreadPoolExecutor.execute}: remembers when the task was handed over. Cost:
   * a clock read and a submission-table entry (no allocation).
   */
  public static void submitted(Object task, Object executor) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null || task == null) {
      return;
    }
    try {
      Pool pool = pool(m, executor);
      if (!pool.leftAlone && pool.type != PoolType.SCHEDULED) {
        m.submissions.put(task, System.nanoTime());
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On entry to {@code ThreadPoolExecutor.reject}: the task is refused; the rejection handler runs next. */
  public static void rejected(Object task, Object executor) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null) {
      return;
    }
    try {
      Pool pool = pool(m, executor);
      if (pool.leftAlone) {
        return;
      }
      if (task != null && pool.type != PoolType.SCHEDULED) {
        m.submissions.forget(task);
      }
      pool.name(m, executor, Pool.factoryOf(executor), null, true).rejected.inc();
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * In {@code runWorker}, just before {@code task.run()} on the pool's thread: records the task's
   * wait and returns the start time, or 0 if the run is not measured.
   */
  public static long taskStarting(Object task, Object executor) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null || AgentThread.isCurrent()) {
      return 0L;
    }
    try {
      Pool pool = pool(m, executor);
      if (pool.leftAlone) {
        return 0L;
      }
      Series series = pool.series();
      if (series == null) {
        series = pool.name(m, executor, Pool.factoryOf(executor), Thread.currentThread().getName(), true);
      }
      long now = System.nanoTime();
      long submitted = pool.type == PoolType.SCHEDULED ? dueTime(task, now) : m.submissions.take(task, now);
      if (submitted != SubmissionTimes.UNKNOWN) {
        series.waitDuration.record(Math.max(0L, now - submitted) * NANOS_TO_SECONDS);
      }
      return now;
    } catch (Throwable t) {
      failed(t);
      return 0L;
    }
  }

  /** In {@code runWorker}, just before {@code afterExecute} (after a normal or an exceptional run): records the run time. */
  public static void taskEnded(Object executor, long start) {
    if (start == 0L) {
      return;
    }
    recordDuration(executor, start);
  }

  /** When a scheduled task was due: now plus its remaining delay (negative once due). */
  private static long dueTime(Object task, long now) {
    return task instanceof Delayed d ? now + d.getDelay(TimeUnit.NANOSECONDS) : SubmissionTimes.UNKNOWN;
  }

  // --- ForkJoinPool ---

  /** On exit of each {@code ForkJoinPool} constructor; the common pool is the one built while there is none yet. */
  public static void forkJoinPoolCreated(Object executor) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null) {
      return;
    }
    try {
      if (m.pools.get(executor) == null) {
        ForkJoinPool common = ForkJoinPool.commonPool(); // null while the class initialises the common pool
        boolean isCommon = common == null || common == executor;
        created(m, executor, PoolType.FORK_JOIN, isCommon ? null : CreatingClass.of(executor), isCommon);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On entry to the pool's submission method (external and internal submissions, not forks). */
  public static void forkJoinSubmitting(Object task, Object executor) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null || FORK_JOIN_SUBMISSION.enter() != 0 || task == null) {
      return;
    }
    try {
      if (!pool(m, executor).leftAlone) {
        m.forkJoinSubmissions.put(task, System.nanoTime());
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On exit of the pool's submission method: a {@link RejectedExecutionException} is a rejection. */
  public static void forkJoinSubmitted(Object task, Object executor, Throwable thrown) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null || FORK_JOIN_SUBMISSION.exit() != 0 || !(thrown instanceof RejectedExecutionException)) {
      return;
    }
    try {
      Pool pool = pool(m, executor);
      if (pool.leftAlone) {
        return;
      }
      if (task != null) {
        m.forkJoinSubmissions.forget(task);
      }
      pool.name(m, executor, Pool.factoryOf(executor), null, true).rejected.inc();
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * On entry to {@code ForkJoinTask.doExec()}: measured only on a worker thread of a pool (a task a
   * caller runs itself, as {@code invoke()} and joins may do, ran on the caller's thread, not the
   * pool's; its submission is forgotten). Returns the start time, or 0.
   */
  public static long forkJoinTaskStarting(Object task) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null) {
      return 0L;
    }
    if (!(Thread.currentThread() instanceof ForkJoinWorkerThread worker)) {
      if (m.forkJoinSubmissions.holdsEntries()) {
        m.forkJoinSubmissions.forget(task);
      }
      return 0L;
    }
    try {
      ForkJoinPool executor = worker.getPool();
      Pool pool = pool(m, executor);
      if (pool.leftAlone) {
        return 0L;
      }
      Series series = pool.series();
      if (series == null) {
        series = pool.name(m, executor, executor.getFactory(), worker.getName(), true);
      }
      long now = System.nanoTime();
      if (m.forkJoinSubmissions.holdsEntries()) {
        long submitted = m.forkJoinSubmissions.take(task, now);
        if (submitted != SubmissionTimes.UNKNOWN) {
          series.waitDuration.record(Math.max(0L, now - submitted) * NANOS_TO_SECONDS);
        }
      }
      return now;
    } catch (Throwable t) {
      failed(t);
      return 0L;
    }
  }

  /** On every exit of {@code ForkJoinTask.doExec()}: records the run time. */
  public static void forkJoinTaskEnded(Throwable thrown, long start) {
    if (start == 0L || !(Thread.currentThread() instanceof ForkJoinWorkerThread worker)) {
      return;
    }
    recordDuration(worker.getPool(), start);
  }

  // --- thread-per-task executors (Java 21+) ---

  /** On exit of the {@code ThreadPerTaskExecutor} constructor, with the factory it was given. */
  public static void threadPerTaskCreated(Object executor, Object factory) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null) {
      return;
    }
    try {
      if (m.pools.get(executor) == null) {
        boolean virtual = factory != null && factory.getClass().getName().contains("VirtualThreadFactory");
        created(m, executor, virtual ? PoolType.VIRTUAL : PoolType.THREAD_PER_TASK, CreatingClass.of(executor), false);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On entry to the runner of one task, on the task's own thread. Returns the start time, or 0. */
  public static long threadPerTaskStarting(Object executor) {
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null || executor == null || AgentThread.isCurrent()) {
      return 0L;
    }
    try {
      Pool pool = pool(m, executor);
      if (pool.leftAlone) {
        return 0L;
      }
      if (pool.series() == null) {
        pool.name(m, executor, null, Thread.currentThread().getName(), true);
      }
      pool.running.incrementAndGet();
      return System.nanoTime();
    } catch (Throwable t) {
      failed(t);
      return 0L;
    }
  }

  /** On every exit of the runner of one task: records the run time. */
  public static void threadPerTaskEnded(Object executor, Throwable thrown, long start) {
    if (start == 0L) {
      return;
    }
    ExecutorMetrics m = ExecutorMetrics.current();
    try {
      Pool pool = m == null ? null : m.pools.get(executor);
      if (pool != null) {
        pool.running.decrementAndGet();
        Series series = pool.series();
        if (series != null) {
          series.duration.recordSince(start);
        }
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /** On exit of the thread-per-task executor's submission checks: a {@link RejectedExecutionException} is a rejection. */
  public static void threadPerTaskSubmitted(Object executor, Throwable thrown) {
    if (!(thrown instanceof RejectedExecutionException)) {
      return;
    }
    ExecutorMetrics m = ExecutorMetrics.current();
    if (m == null) {
      return;
    }
    try {
      Pool pool = pool(m, executor);
      if (!pool.leftAlone) {
        pool.name(m, executor, null, null, true).rejected.inc();
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  // --- shared ---

  private static void created(ExecutorMetrics m, Object executor, PoolType type, String creator, boolean common) {
    Pool pool = m.pools.register(executor, () -> new Pool(type, creator, common));
    if (pool.leftAlone) {
      return;
    }
    Object factory;
    try {
      factory = Pool.factoryOf(executor);
    } catch (Throwable t) {
      return; // a subclass's accessor that is not ready yet: the pool is named later
    }
    if (Pool.threadsHaveDefaultNames(factory)) {
      pool.name(m, executor, factory, null, true);
    }
  }

  /**
   * The executor's pool; one built before the agent could see its constructor is registered now,
   * without its creating class.
   */
  private static Pool pool(ExecutorMetrics m, Object executor) {
    Pool pool = m.pools.get(executor);
    return pool != null ? pool : m.pools.register(executor, () -> lateArrival(executor));
  }

  private static Pool lateArrival(Object executor) {
    if (executor instanceof ScheduledThreadPoolExecutor) {
      return new Pool(PoolType.SCHEDULED, null, false);
    }
    if (executor instanceof ThreadPoolExecutor) {
      return new Pool(PoolType.THREAD_POOL, null, false);
    }
    String thread = Thread.currentThread().getClass().getName();
    if (executor instanceof ForkJoinPool) {
      // A carrier thread means the JDK's virtual-thread scheduler, which is left alone.
      boolean common = executor == ForkJoinPool.commonPool();
      return new Pool(PoolType.FORK_JOIN, thread.equals(CARRIER_THREAD_CLASS) ? CARRIER_THREAD_CLASS : null, common);
    }
    return new Pool(thread.equals(VIRTUAL_THREAD_CLASS) ? PoolType.VIRTUAL : PoolType.THREAD_PER_TASK, null, false);
  }

  private static void recordDuration(Object executor, long start) {
    ExecutorMetrics m = ExecutorMetrics.current();
    try {
      Pool pool = m == null ? null : m.pools.get(executor);
      Series series = pool == null ? null : pool.series();
      if (series != null) {
        series.duration.recordSince(start);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  private static void failed(Throwable t) {
    WeftLog.warnLimited("executors", "recording an executor task failed; the task is unaffected: " + t);
  }
}
