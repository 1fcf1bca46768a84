package io.weft.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * CPU time per executor task, submit plus run, counted on both threads that do the work: the
 * submitting thread and the pool's one worker, each from its own CPU clock. Run it without and with
 * the agent and compare:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.ExecutorTaskCpuTime
 * java -javaagent:agent/target/weft-agent.jar -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.ExecutorTaskCpuTime
 * </pre>
 *
 * <p>Why not the JMH benchmark's hand-over loop: when tasks trickle to an idle worker, most of the
 * CPU goes to parking and waking it, and how often that happens depends on which of the two threads
 * is faster, which the agent itself changes; the difference then measures the threads' rhythm, not
 * the agent. Here each batch first blocks the worker on a gate task, submits a backlog of {@value
 * #BATCH} no-op tasks (the submitter's CPU per task: the submission side), then opens the gate and
 * lets the worker run them back to back (the worker's CPU per task: the run side, with one wake-up
 * per batch). A batch stays well within the agent's submission table, as queues do in practice, so
 * every task's wait is recorded. The tasks are new objects, as an application's are. Each executor
 * is warmed up; a round is {@value #BATCHES_PER_ROUND} batches, and the median and lowest round are
 * printed in CPU ns per task.
 */
public final class ExecutorTaskCpuTime {
  private static final int BATCH = 2_000;
  private static final int BATCHES_PER_ROUND = 100;
  private static final int WARM_UP_ROUNDS = 10;
  private static final int ROUNDS = 15;

  private ExecutorTaskCpuTime() {}

  public static void main(String[] args) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("executor | CPU ns per task (submit + run), median of " + ROUNDS
        + " rounds | lowest round | submit (submitting thread) | run (worker)");

    Thread[] worker = new Thread[1];
    ThreadPoolExecutor threadPool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "cpu-bench-pool-1");
      t.setDaemon(true);
      worker[0] = t;
      return t;
    });
    threadPool.prestartAllCoreThreads();
    measure("ThreadPoolExecutor(1)", threadPool, worker[0], threads);
    threadPool.shutdownNow();

    ForkJoinWorkerThread[] forkJoinWorker = new ForkJoinWorkerThread[1];
    ForkJoinPool forkJoin = new ForkJoinPool(1, pool -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      forkJoinWorker[0] = t;
      return t;
    }, null, false);
    forkJoin.execute(() -> {}); // starts the worker
    forkJoin.awaitQuiescence(10, TimeUnit.SECONDS);
    measure("ForkJoinPool(1)", forkJoin, forkJoinWorker[0], threads);
    forkJoin.shutdownNow();
  }

  private static void measure(String name, Executor executor, Thread worker, ThreadMXBean threads)
      throws InterruptedException {
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      round(executor, worker, threads);
    }
    double[] total = new double[ROUNDS];
    double[] submit = new double[ROUNDS];
    double[] run = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      double[] shares = round(executor, worker, threads);
      submit[i] = shares[0];
      run[i] = shares[1];
      total[i] = shares[0] + shares[1];
    }
    Arrays.sort(total);
    Arrays.sort(submit);
    Arrays.sort(run);
    System.out.printf("%s | %.0f | %.0f | %.0f | %.0f%n", name, total[ROUNDS / 2], total[0],
        submit[ROUNDS / 2], run[ROUNDS / 2]);
  }

  /** One round: CPU ns per task of the submitting thread and of the worker. */
  private static double[] round(Executor executor, Thread worker, ThreadMXBean threads) throws InterruptedException {
    long submitNanos = 0;
    long runNanos = 0;
    for (int b = 0; b < BATCHES_PER_ROUND; b++) {
      long[] batch = batch(executor, worker, threads);
      submitNanos += batch[0];
      runNanos += batch[1];
    }
    double tasks = (double) BATCH * BATCHES_PER_ROUND;
    return new double[] {submitNanos / tasks, runNanos / tasks};
  }

  /** One batch: CPU ns of the submitting thread and of the worker. */
  private static long[] batch(Executor executor, Thread worker, ThreadMXBean threads) throws InterruptedException {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    executor.execute(() -> {
      blocked.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    blocked.await();
    CountDownLatch done = new CountDownLatch(BATCH);
    long submitBefore = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < BATCH; i++) {
      executor.execute(new Task(done));
    }
    long submitNanos = threads.getCurrentThreadCpuTime() - submitBefore;
    long runBefore = threads.getThreadCpuTime(worker.getId());
    gate.countDown();
    done.await();
    long runNanos = threads.getThreadCpuTime(worker.getId()) - runBefore;
    return new long[] {submitNanos, runNanos};
  }

  /** Counts down: one small object per task, with and without the agent alike. */
  private static final class Task implements Runnable {
    private final CountDownLatch done;

    Task(CountDownLatch done) {
      this.done = done;
    }

    @Override
    public void run() {
      done.countDown();
    }
  }
}
