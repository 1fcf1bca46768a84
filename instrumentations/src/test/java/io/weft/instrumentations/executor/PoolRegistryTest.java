package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weak registry of live executors: quick look-ups, one pool per executor, nothing kept alive. */
class PoolRegistryTest {

  private static Pool pool() {
    return new Pool(PoolType.THREAD_POOL, "com.example.App", false);
  }

  @Test
  void registeringTwiceKeepsTheFirstPool() {
    PoolRegistry registry = new PoolRegistry();
    Object executor = new Object();
    Pool first = registry.register(executor, PoolRegistryTest::pool);
    assertSame(first, registry.register(executor, PoolRegistryTest::pool));
    assertSame(first, registry.get(executor));
    assertNull(registry.get(new Object()));
  }

  @Test
  void manyExecutorsStayFindableAcrossResizes() {
    PoolRegistry registry = new PoolRegistry();
    List<Object> executors = new ArrayList<>();
    List<Pool> pools = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Object executor = new Object();
      executors.add(executor);
      pools.add(registry.register(executor, PoolRegistryTest::pool));
    }
    for (int i = 0; i < executors.size(); i++) {
      assertSame(pools.get(i), registry.get(executors.get(i)));
    }
    assertEquals(1000, registry.size());
    List<Object> seen = new ArrayList<>();
    registry.forEach((executor, pool) -> seen.add(executor));
    assertEquals(1000, seen.size());
  }

  @Test
  void droppedExecutorsAreCollectedAndForgotten() throws InterruptedException {
    PoolRegistry registry = new PoolRegistry();
    Object kept = new Object();
    registry.register(kept, PoolRegistryTest::pool);
    List<WeakReference<Object>> dropped = registerAndDrop(registry, 200);
    for (WeakReference<Object> ref : dropped) {
      SubmissionTimesTest.awaitCollected(ref);
    }
    // The JVM queues cleared references a moment after the collection: the registry forgets them then.
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (registry.size() > 1 && System.nanoTime() - deadline < 0) {
      Thread.sleep(10);
    }
    assertEquals(1, registry.size());
    List<Object> seen = new ArrayList<>();
    registry.forEach((executor, pool) -> seen.add(executor));
    assertEquals(List.of(kept), seen);
  }

  private static List<WeakReference<Object>> registerAndDrop(PoolRegistry registry, int n) {
    List<WeakReference<Object>> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object executor = new Object();
      registry.register(executor, PoolRegistryTest::pool);
      refs.add(new WeakReference<>(executor));
    }
    return refs;
  }
}
