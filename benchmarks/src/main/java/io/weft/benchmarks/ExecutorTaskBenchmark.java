package io.weft.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end, per task: submit a no-op task to a one-thread executor and have it run, in batches of
 * {@value #BATCH} (the benchmark thread submits, the pool's thread runs, the last task releases the
 * batch). Run it twice and compare: without the agent, and with it, which rewrites the JDK's
 * executors in the benchmark's JVM:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ExecutorTaskBenchmark -prof gc
 * java -jar benchmarks/target/benchmarks.jar ExecutorTaskBenchmark -prof gc \
 *     -jvmArgsAppend -javaagent:agent/target/weft-agent.jar
 * </pre>
 *
 * The difference is what the agent adds per task (submission time, wait, run time), including its
 * effect on the hand-over between the two threads; {@link ExecutorHooksBenchmark} measures the
 * hooks alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ExecutorTaskBenchmark {

  static final int BATCH = 1000;

  private ThreadPoolExecutor threadPool;
  private ForkJoinPool forkJoin;

  @Setup
  public void setUp() {
    threadPool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "bench-pool-1");
      t.setDaemon(true);
      return t;
    });
    threadPool.prestartAllCoreThreads();
    forkJoin = new ForkJoinPool(1);
  }

  @TearDown
  public void tearDown() {
    threadPool.shutdownNow();
    forkJoin.shutdownNow();
  }

  /** A task that counts a batch down: one small object per task, with and without the agent alike. */
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

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void threadPool_executeAndRun() throws InterruptedException {
    CountDownLatch batch = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      threadPool.execute(new Task(batch));
    }
    batch.await();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void forkJoin_executeAndRun() throws InterruptedException {
    CountDownLatch batch = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      forkJoin.execute(new Task(batch));
    }
    batch.await();
  }
}
