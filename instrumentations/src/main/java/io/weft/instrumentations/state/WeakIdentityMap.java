package io.weft.instrumentations.state;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * State attached to objects of an instrumented library that the agent cannot give a field of its
 * own (a retransformed JDK class must keep its fields): keys are compared by identity, never by
 * {@code equals}, and held weakly, so an entry goes away with its key.
 *
 * <pre>{@code
 * static final WeakIdentityMap<Measurement> MEASUREMENTS = new WeakIdentityMap<>();
 * Measurement m = MEASUREMENTS.get(connection);
 * if (m == null) { MEASUREMENTS.putIfAbsent(connection, new Measurement(...)); }
 * }</pre>
 *
 * <p>Values must not reference their key (strongly), or the key never becomes unreachable.
 *
 * <p>Why not {@code WeakHashMap}: it compares keys with {@code equals}/{@code hashCode}, which a
 * library class may override, and it is not thread-safe. Here the keys are spread over
 * independently locked stripes by identity hash, so threads working on different objects rarely
 * meet on one lock. Entries whose key was collected are dropped on the next {@link #putIfAbsent}
 * into their stripe (and by {@link #size()}).
 *
 * <p>Cost: {@link #get} is an identity hash, one uncontended lock and a short chain walk (tens of
 * ns), allocation-free; {@link #putIfAbsent} of a new key allocates one entry.
 */
public final class WeakIdentityMap<V> {

  private static final int STRIPES = 32;

  private final Stripe<V>[] stripes;

  @SuppressWarnings("unchecked")
  public WeakIdentityMap() {
    stripes = new Stripe[STRIPES];
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe<>();
    }
  }

  /** The value for this very object, or null. */
  public V get(Object key) {
    int h = hash(key);
    return stripes[h & (STRIPES - 1)].get(key, h);
  }

  /** Associates the value with the key unless it has one; returns the value it already had, or null. */
  public V putIfAbsent(Object key, V value) {
    if (key == null || value == null) {
      throw new NullPointerException("key and value must not be null");
    }
    int h = hash(key);
    return stripes[h & (STRIPES - 1)].putIfAbsent(key, h, value);
  }

  /** Removes the key's entry; returns its value, or null if it had none. */
  public V remove(Object key) {
    int h = hash(key);
    return stripes[h & (STRIPES - 1)].remove(key, h);
  }

  /** Entries whose key is still reachable (collected keys are dropped first). */
  public int size() {
    int n = 0;
    for (Stripe<V> s : stripes) {
      n += s.size();
    }
    return n;
  }

  private static int hash(Object key) {
    int h = System.identityHashCode(key);
    return h ^ (h >>> 16);
  }

  /** One lock's share of the entries: a chained hash table of weak keys. */
  private static final class Stripe<V> {
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private Entry<V>[] table = newTable(16);
    private int count;

    synchronized V get(Object key, int h) {
      for (Entry<V> e = table[index(h, table.length)]; e != null; e = e.next) {
        if (e.hash == h && e.get() == key) {
          return e.value;
        }
      }
      return null;
    }

    synchronized V putIfAbsent(Object key, int h, V value) {
      expungeCollected();
      int i = index(h, table.length);
      for (Entry<V> e = table[i]; e != null; e = e.next) {
        if (e.hash == h && e.get() == key) {
          return e.value;
        }
      }
      table[i] = new Entry<>(key, h, value, table[i], collected);
      if (++count > table.length - (table.length >>> 2)) {
        resize();
      }
      return null;
    }

    synchronized V remove(Object key, int h) {
      int i = index(h, table.length);
      Entry<V> previous = null;
      for (Entry<V> e = table[i]; e != null; previous = e, e = e.next) {
        if (e.hash == h && e.get() == key) {
          V value = e.value;
          unlink(i, previous, e);
          return value;
        }
      }
      return null;
    }

    synchronized int size() {
      expungeCollected();
      return count;
    }

    private void expungeCollected() {
      for (Reference<?> r; (r = collected.poll()) != null; ) {
        @SuppressWarnings("unchecked")
        Entry<V> dead = (Entry<V>) r;
        int i = index(dead.hash, table.length);
        Entry<V> previous = null;
        for (Entry<V> e = table[i]; e != null; previous = e, e = e.next) {
          if (e == dead) {
            unlink(i, previous, e);
            break;
          }
        }
      }
    }

    private void unlink(int i, Entry<V> previous, Entry<V> e) {
      if (previous == null) {
        table[i] = e.next;
      } else {
        previous.next = e.next;
      }
      e.value = null;
      count--;
    }

    private void resize() {
      Entry<V>[] bigger = newTable(table.length * 2);
      for (Entry<V> head : table) {
        for (Entry<V> e = head; e != null; ) {
          Entry<V> next = e.next;
          int i = index(e.hash, bigger.length);
          e.next = bigger[i];
          bigger[i] = e;
          e = next;
        }
      }
      table = bigger;
    }

    /** Bits above the stripe bits pick the bucket, so one stripe's keys still spread. */
    private static int index(int h, int length) {
      return (h >>> 5) & (length - 1);
    }

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int length) {
      return new Entry[length];
    }
  }

  private static final class Entry<V> extends WeakReference<Object> {
    final int hash;
    V value;
    Entry<V> next;

    Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
      super(key, queue);
      this.hash = hash;
      this.value = value;
      this.next = next;
    }
  }
}
