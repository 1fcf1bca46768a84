package io.weft.smoke.apps;

import static io.weft.smoke.apps.AppSupport.await;
import static io.weft.smoke.apps.AppSupport.result;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Executors the application drops, and many pool names: a fresh pool per "request" (200 of them,
 * each running one task; every fifth also left with queued tasks that never run), plus fork-join
 * pools, all dropped and then garbage-collected while only weak references remain; then six pools
 * with six different thread names, run one after the other, for the series limit.
 */
public final class ExecutorLifecycleApp {

  public static final int REQUESTS = 200;
  public static final int FORK_JOIN_POOLS = 20;
  public static final int NAMES = 6;

  private ExecutorLifecycleApp() {}

  /** Creates a pool per request, as some applications do: all share one name, this class's. */
  static final class PerRequest {
    static WeakReference<ExecutorService> handle() {
      ExecutorService pool = Executors.newFixedThreadPool(1);
      CountDownLatch done = new CountDownLatch(1);
      pool.execute(done::countDown);
      await(done);
      pool.shutdown();
      return new WeakReference<>(pool);
    }

    /** A pool shut down with work still queued: its tasks never run and are dropped with it. */
    static WeakReference<ExecutorService> abandon() {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
      CountDownLatch release = new CountDownLatch(1);
      pool.execute(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          // shutdownNow interrupts the running task: it simply ends
        }
      });
      for (int i = 0; i < 3; i++) {
        pool.execute(() -> {});
      }
      pool.shutdownNow();
      release.countDown();
      return new WeakReference<>(pool);
    }
  }

  public static void main(String[] args) throws Exception {
    List<WeakReference<?>> dropped = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      dropped.add(PerRequest.handle());
      if (i % 5 == 0) {
        dropped.add(PerRequest.abandon());
      }
    }
    for (int i = 0; i < FORK_JOIN_POOLS; i++) {
      ForkJoinPool pool = new ForkJoinPool(1);
      CountDownLatch done = new CountDownLatch(1);
      pool.execute(done::countDown);
      await(done);
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
      dropped.add(new WeakReference<>(pool));
    }
    result("dropped", dropped.size());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int collected;
    do {
      System.gc();
      AppSupport.sleep(20);
      collected = 0;
      for (WeakReference<?> ref : dropped) {
        collected += ref.get() == null ? 1 : 0;
      }
    } while (collected < dropped.size() && System.nanoTime() - deadline < 0);
    result("collected", collected);

    List<ThreadPoolExecutor> kept = new ArrayList<>();
    for (int i = 1; i <= NAMES; i++) {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
          AppSupport.named("tenant-" + (char) ('a' + i - 1)));
      CountDownLatch done = new CountDownLatch(1);
      pool.execute(done::countDown);
      await(done);
      kept.add(pool);
    }
    result("kept", kept.size());
    AppSupport.readyAndStay();
  }
}
