package io.weft.smoke.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test applications share: result lines, waiting, and a thread factory with names. */
final class AppSupport {
  /** Executors the scrape must still find: held here so that nothing collects them before it. */
  static final List<Object> KEPT = new CopyOnWriteArrayList<>();

  private AppSupport() {}

  static <T> T keep(T executor) {
    KEPT.add(executor);
    return executor;
  }

  static void result(String key, Object value) {
    System.out.println("result " + key + " " + value);
  }

  /** Waits for a latch; a test application that hangs fails its test through the test's own deadline. */
  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("tasks did not finish within 60 s");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the pool's threads have finished their tasks, not just counted down a latch inside
   * them: the agent records a run as the task returns, so a scrape must come after that.
   */
  static void awaitIdle(ThreadPoolExecutor pool) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (pool.getActiveCount() > 0 || !pool.getQueue().isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("pool still busy after 60 s");
      }
      sleep(1);
    }
  }

  /** As {@link #awaitIdle(ThreadPoolExecutor)}, for a fork-join pool (with nothing queued, this only waits). */
  static void awaitIdle(ForkJoinPool pool) {
    if (!pool.awaitQuiescence(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fork-join pool still busy after 60 s");
    }
  }

  /** Waits until the test creates {@code file}: how a test moves the application to its next phase. */
  static void awaitFile(Path file) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(file)) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("no " + file + " within 120 s");
      }
      sleep(10);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Prints {@code ready} and keeps the JVM alive until the test stops it. */
  static void readyAndStay() {
    System.out.println("ready");
    System.out.flush();
    while (true) {
      sleep(1000);
    }
  }

  /** Names threads {@code prefix-1}, {@code prefix-2}, ... as applications usually do. */
  static ThreadFactory named(String prefix) {
    AtomicInteger next = new AtomicInteger(1);
    return task -> {
      Thread t = new Thread(task, prefix + "-" + next.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
  }
}
