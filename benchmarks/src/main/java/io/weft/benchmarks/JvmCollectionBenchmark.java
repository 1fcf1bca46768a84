package io.weft.benchmarks;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import io.weft.collectors.jvm.JvmCollectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full collection of every JVM, process and container collector, with 200 and with 2,000 extra
 * live (parked) threads. Targets: at most 1 ms and 5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class JvmCollectionBenchmark {

  @Param({"200", "2000"})
  public int liveThreads;

  private MetricRegistry registry;
  private final List<Thread> parked = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @Setup(Level.Trial)
  public void setUp() {
    for (int i = 0; i < liveThreads; i++) {
      Thread t = new Thread(() -> {
        try {
          release.await();
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }, "parked-" + i);
      t.setDaemon(true);
      t.start();
      parked.add(t);
    }
    registry = new MetricRegistry();
    JvmCollectors.register(registry, true, true, true);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    release.countDown();
    for (Thread t : parked) {
      t.join();
    }
  }

  @Benchmark
  public RegistrySnapshot collectAllJvmCollectors() {
    return registry.collect();
  }
}
