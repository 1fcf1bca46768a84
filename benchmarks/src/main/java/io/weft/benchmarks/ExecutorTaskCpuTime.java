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
 * submitting thread and the pool's one worker. {@link ExecutorTaskBenchmark} reports wall time, in
 * which the two threads overlap (each does its share of the agent's work in parallel with the
 * other) and which a shared machine inflates; the CPU the agent adds is the sum of both shares, read
 * here from the threads' own CPU clocks. Run it without and with the agent and compare:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.ExecutorTaskCpuTime
 * java -javaagent:agent/target/weft-agent.jar -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.ExecutorTaskCpuTime
 * </pre>
 *
 * Each executor is warmed up, then runs rounds of a million no-op tasks in batches of 1,000 (the
 * last task of a batch releases the submitter, as in the JMH benchmark); the median and lowest round
 * are printed in CPU ns per task. The tasks are new objects, as an application's are.
 */
public final class ExecutorTaskCpuTime {
  private static final int BATCH = 1000;
  private static final int TASKS_PER_ROUND = 1_000_000;
  private static final int WARM_UP_ROUNDS = 5;
  private static final int ROUNDS = 9;

  private ExecutorTaskCpuTime() {}

  public static void main(String[] args) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("executor | CPU ns per task (submitter + worker), median of " + ROUNDS
        + " rounds | lowest round | submitter share | worker share");

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
    long submitter = Thread.currentThread().getId();
    for (int i = 0; i < WARM_UP_ROUNDS; i++) {
      round(executor);
    }
    double[] total = new double[ROUNDS];
    double[] submitterShare = new double[ROUNDS];
    double[] workerShare = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long submitterBefore = threads.getThreadCpuTime(submitter);
      long workerBefore = threads.getThreadCpuTime(worker.getId());
      round(executor);
      long submitterNanos = threads.getThreadCpuTime(submitter) - submitterBefore;
      long workerNanos = threads.getThreadCpuTime(worker.getId()) - workerBefore;
      submitterShare[i] = submitterNanos / (double) TASKS_PER_ROUND;
      workerShare[i] = workerNanos / (double) TASKS_PER_ROUND;
      total[i] = submitterShare[i] + workerShare[i];
    }
    double[] sorted = total.clone();
    Arrays.sort(sorted);
    Arrays.sort(submitterShare);
    Arrays.sort(workerShare);
    System.out.printf("%s | %.0f | %.0f | %.0f | %.0f%n", name, sorted[ROUNDS / 2], sorted[0],
        submitterShare[ROUNDS / 2], workerShare[ROUNDS / 2]);
  }

  private static void round(Executor executor) throws InterruptedException {
    for (int b = 0; b < TASKS_PER_ROUND / BATCH; b++) {
      CountDownLatch batch = new CountDownLatch(BATCH);
      for (int i = 0; i < BATCH; i++) {
        executor.execute(new Task(batch));
      }
      batch.await();
    }
  }

  /** Counts its batch down: one small object per task, with and without the agent alike. */
  private static final class Task implements Runnable {
    private final CountDownLatch batch;

    Task(CountDownLatch batch) {
      this.batch = batch;
    }

    @Override
    public void run() {
      batch.countDown();
    }
  }
}
