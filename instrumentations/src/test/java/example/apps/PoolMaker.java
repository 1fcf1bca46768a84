package example.apps;

import io.weft.instrumentations.executor.ExecutorHooks;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Builds executors from outside the agent's packages and calls the constructor hook as woven code
 * would (the JDK's classes are not woven in unit tests), so that their creating class is this one.
 */
public final class PoolMaker {
  private PoolMaker() {}

  public static ThreadPoolExecutor fixed(int threads) {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads);
    ExecutorHooks.threadPoolCreated(pool);
    return pool;
  }

  public static ThreadPoolExecutor bounded(int threads, int queue, ThreadFactory factory) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue), factory);
    ExecutorHooks.threadPoolCreated(pool);
    return pool;
  }
}
