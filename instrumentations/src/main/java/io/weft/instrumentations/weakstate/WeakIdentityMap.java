package io.weft.instrumentations.weakstate;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A concurrent map from objects, compared by identity and held weakly, to values: remembers facts
 * about statements, connections and pool entries without keeping them alive, without trusting their
 * {@code equals} and without adding fields to their classes (a retransformed JDK class must keep its
 * fields).
 *
 * <pre>{@code
 * static final WeakIdentityMap<Measurement> MEASUREMENTS = new WeakIdentityMap<>();
 * if (MEASUREMENTS.get(connection) == null) {
 *   MEASUREMENTS.putIfAbsent(connection, new Measurement(...));
 * }
 * }</pre>
 *
 * <p>Why not {@code WeakHashMap}: it compares keys with {@code equals}/{@code hashCode}, which a
 * library class may override, and it is not thread-safe.
 *
 * <p>{@link #get} takes no lock and allocates nothing: an identity hash and a walk of a short chain
 * (cost: a few nanoseconds). {@link #put}, {@link #putIfAbsent} and {@link #remove} lock one of 16
 * segments and allocate one entry; they also drop entries whose key was collected. Values must not
 * refer to their key, or the key would never be collected.
 *
 * <p>Visibility: a chain is published through a volatile table read, and entries are immutable, so
 * a reader sees either the old or the new chain, never a broken one. A put on one thread is seen by
 * another thread that got the key from the first one through any safe publication.
 */
public final class WeakIdentityMap<V> {

  private static final int SEGMENTS = 16;
  private static final int INITIAL_CAPACITY = 16;

  private final Segment<V>[] segments;

  @SuppressWarnings("unchecked")
  public WeakIdentityMap() {
    segments = new Segment[SEGMENTS];
    for (int s = 0; s < SEGMENTS; s++) {
      segments[s] = new Segment<>();
    }
  }

  /** The value for {@code key}, or null. */
  public V get(Object key) {
    int hash = hash(key);
    return segments[hash & (SEGMENTS - 1)].get(key, hash);
  }

  /** Maps {@code key} to {@code value}, replacing any earlier value. */
  public void put(Object key, V value) {
    int hash = hash(key);
    segments[hash & (SEGMENTS - 1)].put(key, hash, value);
  }

  /**
   * Maps {@code key} to {@code value} unless it has a value already; returns that value, or null if
   * {@code value} went in. Atomic: of threads racing on one key, exactly one puts its value. Null
   * keys and values are refused, since null is the answer for "went in".
   */
  public V putIfAbsent(Object key, V value) {
    if (key == null || value == null) {
      throw new NullPointerException("key and value must not be null");
    }
    int hash = hash(key);
    return segments[hash & (SEGMENTS - 1)].putIfAbsent(key, hash, value);
  }

  /**
   * Forgets {@code key}; returns the value it had, or null. Atomic: of threads removing one key, only
   * one gets its value.
   */
  public V remove(Object key) {
    int hash = hash(key);
    return segments[hash & (SEGMENTS - 1)].remove(key, hash);
  }

  /**
   * Entries, including those whose key was collected but that no put or remove in their segment has
   * dropped yet.
   */
  public int size() {
    int size = 0;
    for (Segment<V> s : segments) {
      size += s.count;
    }
    return size;
  }

  private static int hash(Object key) {
    int h = System.identityHashCode(key);
    return h ^ (h >>> 16); // the segment takes the low bits, the table the bits above them
  }

  private static final class Entry<V> extends WeakReference<Object> {
    final int hash;
    final V value;
    final Entry<V> next;

    Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
      super(key, queue);
      this.hash = hash;
      this.value = value;
      this.next = next;
    }
  }

  private static final class Segment<V> {
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private volatile Entry<V>[] table = newTable(INITIAL_CAPACITY);
    private int count;

    @SuppressWarnings("unchecked")
    private static <V> Entry<V>[] newTable(int capacity) {
      return new Entry[capacity];
    }

    private static int index(int hash, int length) {
      return (hash >>> 4) & (length - 1);
    }

    V get(Object key, int hash) {
      Entry<V> e = find(table, key, hash);
      return e == null ? null : e.value;
    }

    synchronized void put(Object key, int hash, V value) {
      dropCollected();
      Entry<V>[] t = table;
      int i = index(hash, t.length);
      Entry<V> head = without(t[i], key, null);
      add(t, i, key, hash, value, head);
    }

    synchronized V putIfAbsent(Object key, int hash, V value) {
      dropCollected();
      Entry<V>[] t = table;
      Entry<V> known = find(t, key, hash);
      if (known != null) {
        return known.value;
      }
      int i = index(hash, t.length);
      add(t, i, key, hash, value, t[i]);
      return null;
    }

    synchronized V remove(Object key, int hash) {
      dropCollected();
      Entry<V>[] t = table;
      Entry<V> known = find(t, key, hash);
      if (known == null) {
        return null;
      }
      int i = index(hash, t.length);
      t[i] = without(t[i], key, null);
      table = t; // volatile write: publishes the new chain
      return known.value;
    }

    private static <V> Entry<V> find(Entry<V>[] t, Object key, int hash) {
      for (Entry<V> e = t[index(hash, t.length)]; e != null; e = e.next) {
        if (e.hash == hash && e.get() == key) {
          return e;
        }
      }
      return null;
    }

    /** Puts a new entry in front of {@code head} at {@code t[i]}, publishes it, and grows the table if full. */
    private void add(Entry<V>[] t, int i, Object key, int hash, V value, Entry<V> head) {
      t[i] = new Entry<>(key, hash, value, head, collected);
      table = t; // volatile write: publishes the new chain
      if (++count > t.length * 3 / 4) {
        resize();
      }
    }

    /** The chain without the entry for {@code key} (or {@code dead}), copying the entries before it. */
    private Entry<V> without(Entry<V> head, Object key, Entry<V> dead) {
      for (Entry<V> e = head; e != null; e = e.next) {
        if (e == dead || (key != null && e.get() == key)) {
          count--;
          Entry<V> rest = e.next;
          for (Entry<V> p = head; p != e; p = p.next) {
            Object k = p.get();
            if (k != null) {
              rest = new Entry<>(k, p.hash, p.value, rest, collected);
            } else {
              count--;
            }
          }
          return rest;
        }
      }
      return head;
    }

    private void dropCollected() {
      Object ref;
      Entry<V>[] t = null;
      while ((ref = collected.poll()) != null) {
        @SuppressWarnings("unchecked")
        Entry<V> dead = (Entry<V>) ref;
        t = table;
        int i = index(dead.hash, t.length);
        t[i] = without(t[i], null, dead);
      }
      if (t != null) {
        table = t; // volatile write: publishes the shortened chains
      }
    }

    private void resize() {
      Entry<V>[] old = table;
      Entry<V>[] bigger = newTable(old.length * 2);
      int live = 0;
      for (Entry<V> head : old) {
        for (Entry<V> e = head; e != null; e = e.next) {
          Object k = e.get();
          if (k != null) {
            int i = index(e.hash, bigger.length);
            bigger[i] = new Entry<>(k, e.hash, e.value, bigger[i], collected);
            live++;
          }
        }
      }
      count = live;
      table = bigger;
    }
  }
}
