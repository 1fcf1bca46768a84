package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.apps.NamedFactories;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** The naming rules for {@code jvm.executor.name}, in order, with the examples docs/metrics.md gives. */
class PoolNameTest {

  private static final Object EXECUTOR = new Object();

  @Test
  void trailingCountersAndSeparatorsAreRemovedFromThreadNames() {
    assertEquals("demo-work", PoolName.threadPrefix("demo-work-1"));
    assertEquals("http-nio-8080-exec", PoolName.threadPrefix("http-nio-8080-exec-12"));
    assertEquals("worker", PoolName.threadPrefix("worker-3-7"));
    assertEquals("exec", PoolName.threadPrefix("exec#12"));
    assertEquals("batch", PoolName.threadPrefix("batch[4]"));
    assertEquals("scheduler", PoolName.threadPrefix("scheduler"));
    assertEquals("", PoolName.threadPrefix("42"));
    assertEquals("", PoolName.threadPrefix(""));
  }

  @Test
  void theJdksDefaultThreadNamesSayNothing() {
    assertEquals("", PoolName.threadPrefix("pool-3-thread-1"));
    assertEquals("", PoolName.threadPrefix("ForkJoinPool-2-worker-5"));
    assertEquals("", PoolName.threadPrefix("ForkJoinPool.commonPool-worker-1"));
    assertEquals("", PoolName.threadPrefix("Thread-17"));
  }

  @Test
  void aFrameworkNameComesFirst() {
    assertEquals("orders-pool", PoolName.of(new NamedFactories.NamedPool(), EXECUTOR, "x-1", false, "com.example.App"));
    assertEquals("task", PoolName.of(new NamedFactories.PrefixFactory("task-"), EXECUTOR, "t-1", false, "com.example.App"));
  }

  @Test
  void thenTheThreadNameThenTheCommonPoolThenTheCreatingClass() {
    assertEquals("plain", PoolName.of(new NamedFactories.Plain(), EXECUTOR, "plain-9", false, "com.example.App"));
    assertEquals("com.example.App", PoolName.of(new NamedFactories.Plain(), EXECUTOR, "pool-1-thread-1", false,
        "com.example.App"));
    assertEquals("common", PoolName.of(null, EXECUTOR, "ForkJoinPool.commonPool-worker-1", true, null));
    assertEquals("com.example.App", PoolName.of(null, EXECUTOR, null, false, "com.example.App"));
  }

  @Test
  void withoutAnyClueTheExecutorsClassNamesIt() {
    assertEquals("java.lang.Object", PoolName.of(null, EXECUTOR, null, false, null));
  }

  @Test
  void aGetterThatThrowsIsPassedOver() {
    assertEquals("com.example.App", PoolName.of(new NamedFactories.ThrowingName(), EXECUTOR, "Thread-3", false,
        "com.example.App"));
  }

  @Test
  void theJdksOwnFactoriesAndExecutorsAreNeverAskedForAName() {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
    try {
      assertEquals("", PoolName.frameworkName(pool.getThreadFactory()));
      assertEquals("", PoolName.frameworkName(pool));
      assertEquals("", PoolName.frameworkName(ForkJoinPool.commonPool().getFactory()));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void longNamesAreCut() {
    String name = PoolName.of(null, EXECUTOR, "x".repeat(300) + "-1", false, null);
    assertEquals(PoolName.MAX_LENGTH, name.length());
  }
}
