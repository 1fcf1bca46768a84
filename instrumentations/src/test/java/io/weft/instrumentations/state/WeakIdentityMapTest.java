package io.weft.instrumentations.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  @Test
  void keysAreComparedByIdentityNotEquals() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    String a = new String("key");
    String b = new String("key");
    assertNull(map.putIfAbsent(a, "for a"));
    assertNull(map.get(b));
    assertNull(map.putIfAbsent(b, "for b"));
    assertEquals("for a", map.get(a));
    assertEquals("for b", map.get(b));
    assertEquals(2, map.size());
  }

  @Test
  void putIfAbsentKeepsTheFirstValue() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object key = new Object();
    assertNull(map.putIfAbsent(key, "first"));
    assertEquals("first", map.putIfAbsent(key, "second"));
    assertEquals("first", map.get(key));
  }

  @Test
  void removeForgetsTheKey() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object key = new Object();
    map.putIfAbsent(key, "v");
    assertEquals("v", map.remove(key));
    assertNull(map.get(key));
    assertNull(map.remove(key));
    assertEquals(0, map.size());
  }

  @Test
  void nullKeysAndValuesAreRefused() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    assertThrows(NullPointerException.class, () -> map.putIfAbsent(null, "v"));
    assertThrows(NullPointerException.class, () -> map.putIfAbsent(new Object(), null));
  }

  @Test
  void manyKeysGrowTheTablesAndStayFindable() {
    WeakIdentityMap<Integer> map = new WeakIdentityMap<>();
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Object k = new Object();
      keys.add(k);
      map.putIfAbsent(k, i);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(i, map.get(keys.get(i)));
    }
    assertEquals(10_000, map.size());
  }

  @Test
  void entriesGoAwayWhenTheirKeysAreCollected() throws InterruptedException {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    Object kept = new Object();
    map.putIfAbsent(kept, "kept");
    for (int i = 0; i < 1000; i++) {
      map.putIfAbsent(new Object(), "garbage " + i);
    }
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (map.size() > 1 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }
    assertEquals(1, map.size());
    assertEquals("kept", map.get(kept));
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
}
