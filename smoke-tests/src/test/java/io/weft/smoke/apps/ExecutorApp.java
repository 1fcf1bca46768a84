package io.weft.smoke.apps;

import static io.weft.smoke.apps.AppSupport.await;
import static io.weft.smoke.apps.AppSupport.named;
import static io.weft.smoke.apps.AppSupport.result;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One scenario per executor type, run in order, each with exact numbers the test checks against
 * the scrape: a thread pool with a mix of execute and submit, a backlog on one thread, rejections,
 * frozen pool state, a scheduled executor, a fork-join pool, and the common pool (first through
 * CompletableFuture, then, after the test says so, through a parallel stream).
 *
 * <p>Argument: the folder where the test creates its go-ahead files.
 */
public final class ExecutorApp {

  public static final int ORDERS_TASKS = 20;
  public static final int BACKLOG_TASKS = 10;
  public static final long BACKLOG_TASK_MILLIS = 20;
  public static final int REJECTED = 5;
  public static final int SCHEDULED_RUNS = 4 + 6;
  public static final int FORK_JOIN_TASKS = 12;
  public static final int COMMON_ASYNC_TASKS = 6;

  private ExecutorApp() {}

  public static void main(String[] args) throws Exception {
    Path control = Path.of(args[0]);
    orders();
    backlog();
    rejections();
    frozenState();
    scheduled();
    forkJoin();
    commonPool(control);
    AppSupport.readyAndStay();
  }

  /** 10 execute and 10 submit on two threads named orders-N; three submitted tasks throw. */
  private static void orders() throws InterruptedException {
    ThreadPoolExecutor pool = AppSupport.keep(
        new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), named("orders")));
    CountDownLatch done = new CountDownLatch(ORDERS_TASKS);
    List<Future<Integer>> futures = new ArrayList<>();
    RuntimeException thrown = new IllegalStateException("order 3 failed");
    for (int i = 0; i < ORDERS_TASKS / 2; i++) {
      pool.execute(done::countDown);
      int n = i;
      Callable<Integer> order = () -> {
        try {
          if (n < 3) {
            throw thrown;
          }
          return n * n;
        } finally {
          done.countDown();
        }
      };
      futures.add(pool.submit(order));
    }
    await(done);
    AppSupport.awaitIdle(pool);
    int sum = 0;
    int failed = 0;
    boolean sameException = true;
    for (Future<Integer> f : futures) {
      try {
        sum += f.get();
      } catch (ExecutionException e) {
        failed++;
        sameException &= e.getCause() == thrown;
      }
    }
    result("orders.sum", sum);
    result("orders.failed", failed);
    result("orders.same-exception", sameException);
  }

  /** One thread, ten 20 ms tasks submitted at once: the n-th waits about n * 20 ms. */
  private static void backlog() {
    ThreadPoolExecutor pool = AppSupport.keep(
        new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), named("backlog")));
    CountDownLatch done = new CountDownLatch(BACKLOG_TASKS);
    long[] submitted = new long[BACKLOG_TASKS];
    long[] started = new long[BACKLOG_TASKS];
    for (int i = 0; i < BACKLOG_TASKS; i++) {
      int n = i;
      Runnable task = () -> {
        started[n] = System.nanoTime();
        AppSupport.sleep(BACKLOG_TASK_MILLIS);
        done.countDown();
      };
      submitted[n] = System.nanoTime();
      pool.execute(task);
    }
    await(done);
    AppSupport.awaitIdle(pool);
    StringBuilder waits = new StringBuilder();
    for (int i = 0; i < BACKLOG_TASKS; i++) {
      waits.append(i == 0 ? "" : ",").append(started[i] - submitted[i]);
    }
    result("backlog.wait-nanos", waits);
  }

  /** One thread busy, a queue of one full: five more submissions are refused by the AbortPolicy. */
  private static void rejections() {
    ThreadPoolExecutor pool = AppSupport.keep(
        new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1), named("rejecting")));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(2);
    pool.execute(() -> {
      await(release);
      done.countDown();
    });
    pool.execute(done::countDown);
    int refused = 0;
    for (int i = 0; i < REJECTED; i++) {
      try {
        pool.execute(() -> {});
      } catch (RejectedExecutionException e) {
        refused++;
      }
    }
    release.countDown();
    await(done);
    AppSupport.awaitIdle(pool);
    result("rejecting.refused", refused);
  }

  /** Three threads blocked for good, four tasks queued behind them: the state the test reads. */
  private static void frozenState() {
    ThreadPoolExecutor pool = AppSupport.keep(
        new ThreadPoolExecutor(3, 3, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(10), named("state")));
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(3);
    for (int i = 0; i < 7; i++) {
      pool.execute(() -> {
        running.countDown();
        await(never);
      });
    }
    await(running);
    result("state.pool-size", pool.getPoolSize());
    result("state.active", pool.getActiveCount());
    result("state.max", pool.getMaximumPoolSize());
    result("state.queue-size", pool.getQueue().size());
    result("state.queue-remaining", pool.getQueue().remainingCapacity());
  }

  /** Four one-shot tasks and a periodic one that stops itself on its sixth run by throwing. */
  private static void scheduled() {
    ScheduledThreadPoolExecutor pool = AppSupport.keep(new ScheduledThreadPoolExecutor(1, named("ticker")));
    CountDownLatch done = new CountDownLatch(SCHEDULED_RUNS);
    for (int i = 0; i < 4; i++) {
      pool.schedule(done::countDown, i * 10L, TimeUnit.MILLISECONDS);
    }
    AtomicInteger runs = new AtomicInteger();
    pool.scheduleWithFixedDelay(() -> {
      int run = runs.incrementAndGet();
      done.countDown();
      if (run == 6) {
        throw new IllegalStateException("enough");
      }
    }, 0, 5, TimeUnit.MILLISECONDS);
    await(done);
    AppSupport.awaitIdle(pool);
    result("ticker.periodic-runs", runs.get());
  }

  /** Eight runnables and four actions on a fork-join pool with JDK default thread names. */
  private static void forkJoin() {
    ForkJoinPool pool = AppSupport.keep(new ForkJoinPool(2));
    CountDownLatch done = new CountDownLatch(FORK_JOIN_TASKS);
    for (int i = 0; i < 8; i++) {
      pool.execute(done::countDown);
    }
    for (int i = 0; i < 4; i++) {
      pool.submit(new RecursiveAction() {
        @Override
        protected void compute() {
          done.countDown();
        }
      });
    }
    await(done);
    AppSupport.awaitIdle(pool);
    result("forkjoin.parallelism", pool.getParallelism());
  }

  /** CompletableFuture on the common pool (counted exactly), then a parallel stream once the test has looked. */
  private static void commonPool(Path control) {
    CountDownLatch done = new CountDownLatch(COMMON_ASYNC_TASKS);
    for (int i = 0; i < COMMON_ASYNC_TASKS; i++) {
      CompletableFuture.runAsync(done::countDown);
    }
    await(done);
    AppSupport.awaitIdle(ForkJoinPool.commonPool());
    result("common.parallelism", ForkJoinPool.getCommonPoolParallelism());
    result("common.async", "done");
    AppSupport.awaitFile(control.resolve("parallel-stream"));
    long onWorkers = IntStream.range(0, 400).parallel()
        .filter(i -> {
          AppSupport.sleep(1);
          return Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread;
        })
        .count();
    result("common.elements-on-workers", onWorkers);
  }
}
