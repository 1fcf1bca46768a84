package io.weft.smoke.apps;

import static io.weft.smoke.apps.AppSupport.await;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Prints a transcript of what executors do with the application's tasks: which objects the queue,
 * {@code remove}, {@code shutdownNow}, {@code beforeExecute}/{@code afterExecute} and a rejection
 * handler see, exceptions with their stack traces, interrupts, thread locals, ordering and results.
 * The test runs it with and without the agent and requires the two transcripts to be identical.
 * Nothing in it depends on timing, thread identity or hash codes.
 */
public final class ExecutorBehaviourApp {

  private ExecutorBehaviourApp() {}

  /** A task with a name, so that the transcript can say which object it saw. */
  static final class Named implements Runnable {
    final String name;
    final List<String> log;

    Named(String name, List<String> log) {
      this.name = name;
      this.log = log;
    }

    @Override
    public void run() {
      log.add("ran " + name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Overrides the protected hooks without calling super, and records what they were given. */
  static final class Recording extends ThreadPoolExecutor {
    final List<Object> before = new ArrayList<>();
    final List<Object> after = new ArrayList<>();
    final List<Throwable> afterThrown = new ArrayList<>();

    Recording(RejectedExecutionHandler handler) {
      super(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(4), AppSupport.named("recording"), handler);
    }

    @Override
    protected void beforeExecute(Thread t, Runnable r) {
      before.add(r);
    }

    @Override
    protected void afterExecute(Runnable r, Throwable t) {
      after.add(r);
      afterThrown.add(t);
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Object> rejectedSeen = new ArrayList<>();
    Recording pool = new Recording((r, e) -> rejectedSeen.add(r));

    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocking = new CountDownLatch(1);
    Runnable blocker = () -> {
      blocking.countDown();
      await(release);
    };
    pool.execute(blocker);
    await(blocking);
    Named a = new Named("a", log);
    Named b = new Named("b", log);
    Named c = new Named("c", log);
    Named d = new Named("d", log);
    Named e = new Named("e", log);
    for (Named t : List.of(a, b, c, d)) {
      pool.execute(t);
    }
    pool.execute(e); // queue of 4 is full: rejected
    List<Runnable> queued = new ArrayList<>(pool.getQueue());
    println("queue " + queued + " same objects " + sameObjects(queued, List.of(a, b, c, d)));
    println("remove(b) " + pool.remove(b) + " queue " + pool.getQueue());
    println("rejection handler saw " + rejectedSeen + " same object " + (rejectedSeen.get(0) == e));
    release.countDown();
    // Drained before more is submitted: the queue of four must not refuse what follows.
    AppSupport.awaitIdle(pool);

    RuntimeException[] boom = {null};
    Future<?> failing = pool.submit(() -> {
      boom[0] = new IllegalStateException("boom");
      throw boom[0];
    });
    Future<String> value = pool.submit(() -> "value");
    try {
      failing.get();
    } catch (ExecutionException ex) {
      println("future exception same object " + (ex.getCause() == boom[0]) + " " + ex.getCause());
      // The task's own stack: the lambda, FutureTask.run, runWorker, Worker.run, Thread.run; no frame added.
      println("stack " + Arrays.toString(ex.getCause().getStackTrace()));
    }
    println("future value " + value.get());

    CountDownLatch thrownDone = new CountDownLatch(1);
    RuntimeException escaped = new IllegalArgumentException("escaped");
    pool.execute(() -> {
      thrownDone.countDown();
      throw escaped;
    });
    await(thrownDone);
    ThreadLocal<String> local = new ThreadLocal<>();
    Future<?> setLocal = pool.submit(() -> local.set("kept"));
    setLocal.get();
    println("thread local on the next task " + pool.submit(local::get).get());
    // A future completes before its task's afterExecute runs: let the pool finish before reading what it saw.
    AppSupport.awaitIdle(pool);
    println("order " + log);
    println("before saw " + describe(pool.before.subList(0, 4), List.of(blocker, a, c, d)));
    println("after saw " + describe(pool.after.subList(0, 4), List.of(blocker, a, c, d)));
    int escapedAt = -1;
    for (int i = 0; i < pool.afterThrown.size(); i++) {
      if (pool.afterThrown.get(i) == escaped) {
        escapedAt = i;
      }
    }
    println("afterExecute got the escaped exception itself at " + escapedAt + " of " + pool.afterThrown.size());

    CountDownLatch sleeping = new CountDownLatch(1);
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    pool.execute(() -> {
      sleeping.countDown();
      try {
        Thread.sleep(60_000);
        interrupted.complete(false);
      } catch (InterruptedException ex) {
        interrupted.complete(true);
      }
    });
    await(sleeping);
    Named f = new Named("f", log);
    pool.execute(f);
    List<Runnable> drained = pool.shutdownNow();
    println("shutdownNow returned " + drained + " same object " + (drained.size() == 1 && drained.get(0) == f));
    println("the running task was interrupted " + interrupted.get(10, TimeUnit.SECONDS));
    println("terminated " + pool.awaitTermination(10, TimeUnit.SECONDS));

    ThreadPoolExecutor fifo = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      all.add(fifo.submit(() -> order.add(n)));
    }
    for (Future<?> x : all) {
      x.get();
    }
    println("fifo " + order.equals(IntStream.range(0, 50).boxed().toList()));
    fifo.shutdown();
    try {
      fifo.execute(() -> {});
    } catch (RejectedExecutionException ex) {
      println("after shutdown " + ex.getClass().getSimpleName());
    }

    ForkJoinPool fj = new ForkJoinPool(2);
    println("fork-join sum " + fj.invoke(new Sum(0, 10_000)));
    try {
      fj.submit(() -> {
        throw new UnsupportedOperationException("fj");
      }).get();
    } catch (ExecutionException ex) {
      println("fork-join exception " + ex.getCause().getClass().getName() + ": " + ex.getCause().getMessage());
    }
    println("parallel stream sum " + IntStream.range(0, 100_000).parallel().asLongStream().sum());
    println("async " + CompletableFuture.supplyAsync(() -> 6 * 7).get());
    fj.shutdown();
    System.out.println("done");
  }

  /** Sums [from, to) by splitting in forks down to 500 elements. */
  static final class Sum extends RecursiveTask<Long> {
    final int from;
    final int to;

    Sum(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    protected Long compute() {
      if (to - from <= 500) {
        long s = 0;
        for (int i = from; i < to; i++) {
          s += i;
        }
        return s;
      }
      int mid = (from + to) >>> 1;
      Sum left = new Sum(from, mid);
      left.fork();
      return new Sum(mid, to).compute() + left.join();
    }
  }

  private static boolean sameObjects(List<?> seen, List<?> expected) {
    if (seen.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i) != expected.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(List<Object> seen, List<Object> expected) {
    return seen.size() + " tasks, the submitted objects themselves: " + sameObjects(seen, expected);
  }

  private static void println(String line) {
    System.out.println(line);
  }
}
