package io.weft.instrumentations.executor;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The executors the application has created, each with its {@link Pool}, held weakly: an executor
 * the application drops is garbage-collected as if the agent were not there, and its entry is
 * removed at the next registration or collection.
 *
 * <p>Why not a {@code WeakHashMap}: it is neither thread-safe nor identity-based, and every task
 * looks its executor up. Here a look-up is lock-free: one volatile read of the table, the
 * executor's identity hash (already in its header after the first time) and a walk of a bucket that
 * almost always holds one node. Changes are rare (one per executor created) and happen under a lock,
 * replacing bucket lists whose nodes never change.
 */
final class PoolRegistry {

  private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
  private volatile AtomicReferenceArray<Node> table = new AtomicReferenceArray<>(64);
  private int size; // guarded by this

  /** The executor's pool, or null if it is not registered. Lock-free; allocates nothing. */
  Pool get(Object executor) {
    AtomicReferenceArray<Node> t = table;
    for (Node n = t.get(hash(executor) & (t.length() - 1)); n != null; n = n.next) {
      if (n.refersTo(executor)) {
        return n.pool;
      }
    }
    return null;
  }

  /** The executor's pool, registering the one {@code create} makes if there is none yet. */
  synchronized Pool register(Object executor, Supplier<Pool> create) {
    Pool existing = get(executor);
    if (existing != null) {
      return existing;
    }
    expungeCleared();
    Pool pool = create.get();
    if (size + 1 > table.length() * 3 / 4) {
      resize(table.length() * 2);
    }
    AtomicReferenceArray<Node> t = table;
    int hash = hash(executor);
    int bucket = hash & (t.length() - 1);
    t.set(bucket, new Node(executor, hash, pool, t.get(bucket), cleared));
    size++;
    return pool;
  }

  /** Calls {@code action} with each live executor and its pool; the executor is held only during the call. */
  void forEach(BiConsumer<Object, Pool> action) {
    synchronized (this) {
      expungeCleared();
    }
    AtomicReferenceArray<Node> t = table;
    for (int i = 0; i < t.length(); i++) {
      for (Node n = t.get(i); n != null; n = n.next) {
        Object executor = n.get();
        if (executor != null) {
          action.accept(executor, n.pool);
        }
      }
    }
  }

  /** Registered executors not yet known to be collected, for tests. */
  synchronized int size() {
    expungeCleared();
    return size;
  }

  private void expungeCleared() {
    Reference<?> r;
    while ((r = cleared.poll()) != null) {
      Node gone = (Node) r;
      AtomicReferenceArray<Node> t = table;
      int bucket = gone.hash & (t.length() - 1);
      Node head = t.get(bucket);
      if (contains(head, gone)) {
        t.set(bucket, without(head, gone));
        size--;
      }
    }
  }

  private static boolean contains(Node list, Node node) {
    for (Node n = list; n != null; n = n.next) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }

  /** The list without {@code node}: the nodes before it are copied, the ones after it shared. */
  private Node without(Node list, Node node) {
    if (list == node) {
      return node.next;
    }
    Object executor = list.get();
    Node rest = without(list.next, node);
    if (executor == null) {
      size--; // cleared too: dropped now, so its own queue entry will find it gone
      return rest;
    }
    return new Node(executor, list.hash, list.pool, rest, cleared);
  }

  private void resize(int capacity) {
    AtomicReferenceArray<Node> old = table;
    AtomicReferenceArray<Node> bigger = new AtomicReferenceArray<>(capacity);
    int live = 0;
    for (int i = 0; i < old.length(); i++) {
      for (Node n = old.get(i); n != null; n = n.next) {
        Object executor = n.get();
        if (executor != null) {
          int bucket = n.hash & (capacity - 1);
          bigger.set(bucket, new Node(executor, n.hash, n.pool, bigger.get(bucket), cleared));
          live++;
        }
      }
    }
    size = live;
    table = bigger;
  }

  private static int hash(Object executor) {
    int h = System.identityHashCode(executor);
    return h ^ (h >>> 16);
  }

  /** One executor, weakly, and its pool; never changed once built. */
  private static final class Node extends WeakReference<Object> {
    final int hash;
    final Pool pool;
    final Node next;

    Node(Object executor, int hash, Pool pool, Node next, ReferenceQueue<Object> queue) {
      super(executor, queue);
      this.hash = hash;
      this.pool = pool;
      this.next = next;
    }
  }
}
