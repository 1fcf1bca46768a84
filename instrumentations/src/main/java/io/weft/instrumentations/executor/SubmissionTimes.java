package io.weft.instrumentations.executor;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * When each queued task was submitted, remembered without wrapping the task: the executor, its
 * queue and the application keep seeing their own objects.
 *
 * <p>Why this shape: the task object is the only thing submission and start have in common, and a
 * JDK class cannot grow a field for it (the executors are retransformed). So the time goes into a
 * table keyed by the task's identity. The table is set-associative: a task's identity hash picks
 * one set of {@value #WAYS} slots (64 bytes of references, one cache line), and the task's entry
 * goes into a free slot of that set. Entries hold the task weakly, so a task that never runs (removed
 * from the queue, dropped by {@code shutdownNow()}) pins nothing and its slot is reused; when a set
 * is full, the oldest entry gives way (the task most likely never to run). Memory is therefore
 * bounded: {@code sets * WAYS} slots plus one entry per queued task.
 *
 * <p>The same task object submitted several times gets one entry per submission, and starts take
 * the oldest first, which is right for the FIFO queues of executors.
 *
 * <p>What is lost: the wait of a task whose entry gave way (a set overflowing with more than
 * {@value #WAYS} queued tasks), which then records no wait. With the default 16,384 slots that
 * takes thousands of queued tasks.
 *
 * <p>Fork-join entries are counted, so that the many tasks a fork-join pool runs without a
 * submission (forked subtasks) skip the look-up while none is held: the count goes up with each
 * such entry and down when it leaves, whether taken, given way or found collected.
 */
final class SubmissionTimes {

  /** Returned by {@link #take} when the task's submission is not known. */
  static final long UNKNOWN = Long.MIN_VALUE;

  static final int WAYS = 16;

  private final int setMask;
  private final AtomicReferenceArray<Entry> slots;
  private final AtomicInteger forkJoinEntries = new AtomicInteger();

  /** @param sets a power of two */
  SubmissionTimes(int sets) {
    if (sets <= 0 || Integer.bitCount(sets) != 1) {
      throw new IllegalArgumentException("sets must be a power of two: " + sets);
    }
    this.setMask = sets - 1;
    this.slots = new AtomicReferenceArray<>(sets * WAYS);
  }

  /**
   * Remembers that {@code task} was submitted at {@code nanos}. Cost: the task's identity hash, one
   * 40-byte allocation (the entry), a scan of one set and one CAS.
   */
  void put(Object task, long nanos) {
    put(task, nanos, false);
  }

  /** As {@link #put(Object, long)}, for a task of a fork-join pool when {@code forkJoin}. */
  void put(Object task, long nanos, boolean forkJoin) {
    Entry entry = new Entry(task, nanos, forkJoin);
    if (forkJoin) {
      forkJoinEntries.incrementAndGet();
    }
    int base = setOf(task);
    int victim = base;
    long oldest = 0;
    boolean noVictimYet = true;
    for (int i = 0; i < WAYS; i++) {
      int slot = base + i;
      Entry current = slots.get(slot);
      if (current == null || current.refersTo(null)) {
        if (slots.compareAndSet(slot, current, entry)) {
          left(current);
          return;
        }
        current = slots.get(slot);
        if (current == null) {
          continue;
        }
      }
      if (noVictimYet || current.nanos - oldest < 0) {
        oldest = current.nanos;
        victim = slot;
        noVictimYet = false;
      }
    }
    // Every slot of the set is taken by a live entry: the oldest gives way.
    left(slots.getAndSet(victim, entry));
  }

  /** Whether any fork-join submission may be held: false lets forked subtasks skip {@link #take}. */
  boolean holdsForkJoinTasks() {
    return forkJoinEntries.get() > 0;
  }

  /** Keeps the fork-join count as entries leave the table. */
  private void left(Entry gone) {
    if (gone != null && gone.forkJoin) {
      forkJoinEntries.decrementAndGet();
    }
  }

  /**
   * The submission time of {@code task} (its oldest, if submitted several times), forgotten from
   * now on; {@link #UNKNOWN} if there is none. Cost: the identity hash and a scan of one set.
   */
  long take(Object task) {
    int base = setOf(task);
    while (true) {
      int found = -1;
      Entry best = null;
      for (int i = 0; i < WAYS; i++) {
        Entry current = slots.get(base + i);
        if (current != null && current.refersTo(task) && (best == null || current.nanos - best.nanos < 0)) {
          best = current;
          found = base + i;
        }
      }
      if (best == null) {
        return UNKNOWN;
      }
      if (slots.compareAndSet(found, best, null)) {
        left(best);
        return best.nanos;
      }
      // Another thread took or replaced that entry: look again.
    }
  }

  /** Forgets {@code task}'s oldest submission, if any (a rejected task never runs). */
  void forget(Object task) {
    take(task);
  }

  /** Live entries, for tests: a full scan. */
  int size() {
    int n = 0;
    for (int i = 0; i < slots.length(); i++) {
      Entry e = slots.get(i);
      if (e != null && !e.refersTo(null)) {
        n++;
      }
    }
    return n;
  }

  private int setOf(Object task) {
    int h = System.identityHashCode(task);
    return ((h ^ (h >>> 16)) & setMask) * WAYS;
  }

  /** A submission: the task, held weakly, when it was handed over, and whether it went to a fork-join pool. */
  private static final class Entry extends WeakReference<Object> {
    final long nanos;
    final boolean forkJoin;

    Entry(Object task, long nanos, boolean forkJoin) {
      super(task);
      this.nanos = nanos;
      this.forkJoin = forkJoin;
    }
  }
}
