package io.weft.instrumentations.weakstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The weak identity map keeps values per object identity and lets keys be collected. */
class WeakIdentityMapTest {

  /** Equal by value, as some JDBC wrappers are: the map must still tell them apart. */
  private record Same(int x) {}

  @Test
  void keysAreComparedByIdentityNotEquality() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Same a = new Same(1);
    Same b = new Same(1);
    map.put(a, "a");
    assertNull(map.get(b));
    assertNull(map.putIfAbsent(b, "b"));
    assertEquals("a", map.get(a));
    assertEquals("b", map.get(b));
    assertEquals(2, map.size());
    map.put(a, "a2");
    assertEquals("a2", map.get(a));
    assertEquals(2, map.size());
    map.remove(a);
    assertNull(map.get(a));
    assertEquals("b", map.get(b));
  }

  @Test
  void putIfAbsentKeepsTheFirstValue() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object key = new Object();
    assertNull(map.putIfAbsent(key, "first"));
    assertEquals("first", map.putIfAbsent(key, "second"));
    assertEquals("first", map.get(key));
    assertEquals(1, map.size());
  }

  @Test
  void removeReturnsTheValueOnceAndForgetsTheKey() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object key = new Object();
    map.putIfAbsent(key, "v");
    assertEquals("v", map.remove(key));
    assertNull(map.get(key));
    assertNull(map.remove(key));
    assertEquals(0, map.size());
  }

  @Test
  void putIfAbsentRefusesNullKeysAndValues() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    assertThrows(NullPointerException.class, () -> map.putIfAbsent(null, "v"));
    assertThrows(NullPointerException.class, () -> map.putIfAbsent(new Object(), null));
    assertEquals(0, map.size());
  }

  @Test
  void manyKeysSurviveResizingAndRemoval() {
    WeakIdentityMap<Integer> map = new WeakIdentityMap<>();
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Object k = new Object();
      keys.add(k);
      if (i % 3 == 0) {
        map.putIfAbsent(k, i);
      } else {
        map.put(k, i);
      }
    }
    assertEquals(10_000, map.size());
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(i, map.get(keys.get(i)), "key " + i);
    }
    for (int i = 0; i < keys.size(); i += 2) {
      assertEquals(i, map.remove(keys.get(i)), "key " + i);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(i % 2 == 0 ? null : Integer.valueOf(i), map.get(keys.get(i)), "key " + i);
    }
    assertEquals(5_000, map.size());
  }

  @Test
  void collectedKeysAreDroppedByLaterPuts() throws InterruptedException {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object first = new Object();
    map.putIfAbsent(first, "first");
    ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    WeakReference<Object> probe = fill(map, cleared);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (cleared.poll() != probe && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(probe.get(), "the keys were collected: nothing else holds them");
    // Cleared references reach the queue a moment after the collection (the reference handler
    // thread enqueues them); each put drops what its segment's queue holds by then, so once every
    // segment has had a put after that, only the live keys are left. Fewer than 1,000 further keys
    // (about 60 a segment) never grow a segment's table, whose growth would drop them too.
    List<Object> kept = new ArrayList<>();
    while (map.size() != kept.size() + 1 && kept.size() < 1_000 && System.nanoTime() < deadline) {
      for (int i = 0; i < 16; i++) {
        Object k = new Object();
        kept.add(k);
        map.put(k, "kept " + (kept.size() - 1));
      }
      Thread.sleep(10);
    }
    assertEquals(kept.size() + 1, map.size(), "collected entries were dropped");
    assertEquals("first", map.get(first));
    for (int i = 0; i < kept.size(); i++) {
      assertEquals("kept " + i, map.get(kept.get(i)));
    }
  }

  @Test
  void concurrentUseOnDistinctAndSharedKeysKeepsEveryValue() throws Exception {
    WeakIdentityMap<Object> map = new WeakIdentityMap<>();
    Object shared = new Object();
    int threads = 8;
    int perThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Object>>> results = new ArrayList<>();
      List<Object> sharedValues = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Object mine = new Object();
        sharedValues.add(mine);
        results.add(pool.submit(() -> {
          go.await();
          List<Object> keys = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            Object k = new Object();
            keys.add(k);
            map.putIfAbsent(k, k);
            map.putIfAbsent(shared, mine);
            if (map.get(k) != k) {
              throw new AssertionError("lost a value");
            }
          }
          return keys;
        }));
      }
      go.countDown();
      int total = 0;
      for (Future<List<Object>> f : results) {
        for (Object k : f.get()) {
          assertSame(k, map.get(k));
          total++;
        }
      }
      assertEquals(threads * perThread, total);
      assertEquals(threads * perThread + 1, map.size());
      // Exactly one thread's value won for the shared key, and it stayed.
      assertEquals(1, sharedValues.stream().filter(v -> v == map.get(shared)).count());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Puts 10,000 keys that nothing else holds; returns a probe on the last, queued on {@code cleared}. */
  private static WeakReference<Object> fill(WeakIdentityMap<String> map, ReferenceQueue<Object> cleared) {
    Object last = null;
    for (int i = 0; i < 10_000; i++) {
      last = new Object();
      map.put(last, "value " + i);
    }
    return new WeakReference<>(last, cleared);
  }
}
