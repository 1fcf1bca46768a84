package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadCollectorTest {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final MetricRegistry registry = MetricRegistry.pedantic();
  private final List<Thread> started = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Object monitor = new Object();

  ThreadCollectorTest() {
    registry.register(new ThreadCollector());
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    release.countDown();
    for (Thread t : started) {
      t.join(10_000);
    }
  }

  @Test
  void totalsAndDaemonCountsAreTheThreadMxBeans() {
    Readings.assertAgrees("threads", THREADS::getThreadCount, registry, s -> Points.sum(s, "jvm.thread.count"));
    Readings.assertAgrees("daemon threads", THREADS::getDaemonThreadCount, registry,
        s -> Points.numbers(s, "jvm.thread.count").stream()
            .filter(p -> "true".equals(p.attributes().get("jvm.thread.daemon")))
            .mapToDouble(p -> p.value()).sum());
  }

  @Test
  void startingTwentyThreadsRaisesTheCountByTwenty() throws InterruptedException {
    RegistrySnapshot before = registry.collect();
    int beanBefore = THREADS.getThreadCount();
    for (int i = 0; i < 20; i++) {
      start(false, this::awaitRelease, Thread.State.WAITING);
    }
    RegistrySnapshot after = registry.collect();
    assertEquals(20, THREADS.getThreadCount() - beanBefore, "the JVM's own count moved by 20");
    assertEquals(20, Points.sum(after, "jvm.thread.count") - Points.sum(before, "jvm.thread.count"));
    assertEquals(20, waiting(after, "false") - waiting(before, "false"));
  }

  @Test
  void statesAndDaemonFlagsAreThoseOfTheThreads() throws InterruptedException {
    RegistrySnapshot before = registry.collect();
    synchronized (monitor) {
      for (int i = 0; i < 3; i++) {
        start(true, () -> {
          synchronized (monitor) {
            awaitRelease();
          }
        }, Thread.State.BLOCKED);
      }
      for (int i = 0; i < 2; i++) {
        start(true, () -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            // stopped by the test
          }
        }, Thread.State.TIMED_WAITING);
      }
      RegistrySnapshot after = registry.collect();
      assertEquals(3, count(after, "true", "blocked") - count(before, "true", "blocked"));
      assertEquals(2, count(after, "true", "timed_waiting") - count(before, "true", "timed_waiting"));
    }
    for (Thread t : started) {
      t.interrupt();
    }
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      // stopped by the test
    }
  }

  /** Starts a thread and waits until it has reached {@code state}. */
  private void start(boolean daemon, Runnable body, Thread.State state) throws InterruptedException {
    Thread t = new Thread(body, "test-thread-" + started.size());
    t.setDaemon(daemon);
    started.add(t);
    t.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (t.getState() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(t + " never reached " + state + ", is " + t.getState());
      }
      Thread.sleep(1);
    }
  }

  private static double waiting(RegistrySnapshot s, String daemon) {
    return count(s, daemon, "waiting");
  }

  private static double count(RegistrySnapshot s, String daemon, String state) {
    return Points.valueOrZero(s, "jvm.thread.count", "jvm.thread.daemon", daemon, "jvm.thread.state", state);
  }
}
