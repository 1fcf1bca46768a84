package io.weft.benchmarks;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.executor.ExecutorHooks;
import io.weft.instrumentations.executor.ExecutorMetrics;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The executor hooks alone, as woven code calls them for one task of a thread pool: {@code
 * submitted} (on {@code execute}), {@code taskStarting} (before {@code task.run()}) and {@code
 * taskEnded} (before {@code afterExecute}), on one thread, with a new task object each time as an
 * application submits them. {@code baseline} allocates the task and does nothing else, so the
 * difference in time and in B/op ({@code -prof gc}) is the hooks' own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ExecutorHooksBenchmark {

  private ThreadPoolExecutor pool;

  @Setup
  public void setUp() {
    ExecutorMetrics.install(new MetricRegistry());
    pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    ExecutorHooks.threadPoolCreated(pool); // as the woven constructor would
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
  }

  @Benchmark
  public Object baseline() {
    return new Object();
  }

  @Benchmark
  public Object submitStartEnd() {
    Object task = new Object();
    ExecutorHooks.submitted(task, pool);
    long start = ExecutorHooks.taskStarting(task, pool);
    ExecutorHooks.taskEnded(pool, start);
    return task;
  }
}
