package io.weft.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrentRecordingTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 200_000;

  private static void runConcurrently(int threads, Runnable body) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try {
          start.await();
          body.run();
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      th.start();
      all.add(th);
    }
    start.countDown();
    for (Thread th : all) {
      th.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  void threadsTimesIncrementsOnABoundCounterEndExactly() throws InterruptedException {
    MetricRegistry registry = new MetricRegistry();
    Counter.Handle c = registry.counter("app.hits").register().bind();
    runConcurrently(THREADS, () -> {
      for (int i = 0; i < PER_THREAD; i++) {
        c.inc();
      }
    });
    NumberPoint p = (NumberPoint) registry.collect().find("app.hits").points().get(0);
    assertEquals((double) THREADS * PER_THREAD, p.value());
  }

  @Test
  void threadsTimesRecordsOnABoundHistogramEndExactly() throws InterruptedException {
    MetricRegistry registry = new MetricRegistry();
    Histogram.Handle h = registry.histogram("app.sizes").buckets(1, 2, 3).register().bind();
    runConcurrently(THREADS, () -> {
      for (int i = 0; i < PER_THREAD; i++) {
        h.record(i % 4);
      }
    });
    HistogramPoint p = (HistogramPoint) registry.collect().find("app.sizes").points().get(0);
    long n = (long) THREADS * PER_THREAD;
    assertEquals(n, p.count());
    assertEquals(n / 4 * (0 + 1 + 2 + 3), p.sum());
    assertEquals(0.0, p.min());
    assertEquals(3.0, p.max());
    assertEquals(List.of(n / 2, n / 4, n / 4, 0L),
        List.of(p.bucketCounts()[0], p.bucketCounts()[1], p.bucketCounts()[2], p.bucketCounts()[3]));
  }

  @Test
  void everyHistogramSnapshotIsConsistentWhileThreadsRecord() throws InterruptedException {
    MetricRegistry registry = new MetricRegistry();
    Histogram.Handle h = registry.histogram("app.ones").buckets(0.5, 1.5).register().bind();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong snapshots = new AtomicLong();
    List<String> problems = new ArrayList<>();
    Thread reader = new Thread(() -> {
      long previousCount = 0;
      while (!done.get()) {
        HistogramPoint p = (HistogramPoint) registry.collect().find("app.ones").points().get(0);
        long bucketSum = 0;
        for (long b : p.bucketCounts()) {
          bucketSum += b;
        }
        // Every record is 1.0, so a consistent snapshot has sum == count == middle bucket.
        if (bucketSum != p.count() || p.sum() != p.count() || p.bucketCounts()[1] != p.count()
            || p.count() < previousCount) {
          problems.add(p.toString());
        }
        previousCount = p.count();
        snapshots.incrementAndGet();
      }
    });
    reader.start();
    // Writers go on until the reader has taken enough snapshots under load, however slow the machine.
    AtomicLong recorded = new AtomicLong();
    runConcurrently(4, () -> {
      long mine = 0;
      while (mine < PER_THREAD || snapshots.get() < 200) {
        h.record(1.0);
        mine++;
      }
      recorded.addAndGet(mine);
    });
    done.set(true);
    reader.join();
    assertEquals(List.of(), problems);
    assertTrue(snapshots.get() >= 200, "the reader took only " + snapshots.get() + " snapshots");
    HistogramPoint last = (HistogramPoint) registry.collect().find("app.ones").points().get(0);
    assertEquals(recorded.get(), last.count());
  }

  @Test
  void concurrentBindsOfOneCombinationShareOneHandle() throws InterruptedException {
    MetricRegistry registry = new MetricRegistry();
    Counter c = registry.counter("app.by.key").attributeKeys("k").register();
    runConcurrently(THREADS, () -> {
      for (int i = 0; i < 10_000; i++) {
        c.bind("k" + (i % 50)).inc();
      }
    });
    assertEquals(50, c.seriesCount());
    double total = registry.collect().find("app.by.key").points().stream()
        .mapToDouble(p -> ((NumberPoint) p).value()).sum();
    assertEquals(THREADS * 10_000.0, total);
  }
}
