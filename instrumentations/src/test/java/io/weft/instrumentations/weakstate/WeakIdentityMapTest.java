package io.weft.instrumentations.weakstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
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
    map.put(b, "b");
    assertEquals("a", map.get(a));
    assertEquals("b", map.get(b));
    map.put(a, "a2");
    assertEquals("a2", map.get(a));
    map.remove(a);
    assertNull(map.get(a));
    assertEquals("b", map.get(b));
  }

  @Test
  void manyKeysSurviveResizingAndRemoval() {
    WeakIdentityMap<Integer> map = new WeakIdentityMap<>();
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Object k = new Object();
      keys.add(k);
      map.put(k, i);
    }
    for (int i = 0; i < keys.size(); i += 2) {
      map.remove(keys.get(i));
    }
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(i % 2 == 0 ? null : Integer.valueOf(i), map.get(keys.get(i)), "key " + i);
    }
    assertEquals(5_000, map.size());
  }

  @Test
  void collectedKeysLeaveTheMap() throws InterruptedException {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    WeakReference<Object> probe = fill(map);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (probe.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(probe.get(), "the keys were collected: nothing else holds them");
    // Cleared references reach the queue a moment after the collection (the reference handler
    // thread enqueues them); each put drops what its segment's queue holds by then.
    List<Object> kept = new ArrayList<>();
    while (map.size() - kept.size() >= 1_000 && System.nanoTime() < deadline) {
      for (int i = 0; i < 64; i++) {
        Object k = new Object();
        kept.add(k);
        map.put(k, "kept " + (kept.size() - 1));
      }
      Thread.sleep(10);
    }
    assertTrue(map.size() - kept.size() < 1_000,
        "collected entries were dropped: " + map.size() + " entries for " + kept.size() + " live keys");
    for (int i = 0; i < kept.size(); i++) {
      assertEquals("kept " + i, map.get(kept.get(i)));
    }
  }

  private static WeakReference<Object> fill(WeakIdentityMap<String> map) {
    Object first = null;
    for (int i = 0; i < 10_000; i++) {
      Object k = new Object();
      if (first == null) {
        first = k;
      }
      map.put(k, "value " + i);
    }
    return new WeakReference<>(first);
  }
}
