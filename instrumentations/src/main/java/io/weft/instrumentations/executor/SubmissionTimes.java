package io.weft.instrumentations.executor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each queued task was submitted, remembered without wrapping the task and without holding it:
 * the executor, its queue and the application keep seeing their own objects, and a task that never
 * runs is collected as if the agent were not there.
 *
 * <p>Why this shape: the task object is the only thing submission and start have in common, and a
 * JDK class cannot grow a field for it (the executors are retransformed). So the time goes into a
 * table keyed by the task's identity hash. The table is set-associative: the hash's low bits pick
 * one set of {@value #WAYS} slots (64 bytes, one cache line), and each slot is a single {@code long}
 * packing the rest of the hash (a tag) with the submission time. A put and a take are a scan of
 * one set and one CAS; nothing is allocated and no reference is kept, so there is nothing for the
 * garbage collector to trace or clear.
 *
 * <p>What the packing costs: times are kept in units of {@value #UNIT_NANOS} ns (below the cost of
 * reading the clock) in {@value #TIME_BITS} bits, read as a signed difference, so waits are exact
 * to 16 ns and up to about 39 hours; a longer wait is misread (modulo that range). The tag holds {@value #TAG_BITS} bits of the hash
 * beyond the set's, so two queued tasks in one set are told apart unless their identity hashes
 * agree in all those bits too (then they may swap waits; nothing else happens).
 *
 * <p>The same task object submitted several times gets one entry per submission, and starts take
 * the oldest first, which is right for the FIFO queues of executors. When a set is full the oldest
 * entry gives way: the task most likely never to run (removed from its queue, dropped by
 * {@code shutdownNow()}), whose entry nothing else would ever clear. What is lost: the wait of a
 * task whose entry gave way, which then records no wait; with 1,024 sets that takes thousands of
 * queued tasks at once.
 *
 * <p>A table made {@linkplain #SubmissionTimes(int, boolean) counting} also keeps the number of its
 * entries, so that the many tasks a fork-join pool runs without a submission (forked subtasks) can
 * skip the look-up (and the identity hash it would give them) while it holds none.
 */
final class SubmissionTimes {

  /** Returned by {@link #take} when the task's submission is not known. */
  static final long UNKNOWN = Long.MIN_VALUE;

  static final int WAYS = 8;
  static final int UNIT_NANOS = 16;
  static final int TIME_BITS = 44;
  static final int TAG_BITS = 19;

  private static final int UNIT_SHIFT = 4;
  private static final long TIME_MASK = (1L << TIME_BITS) - 1;
  private static final long TAG_MASK = (1L << TAG_BITS) - 1;
  /** The top bit marks a used slot, so that 0 always means free. */
  private static final long USED = 1L << 63;

  private final int setBits;
  private final int setMask;
  private final AtomicLongArray slots;
  private final AtomicInteger entries;

  /**
   * @param sets a power of two
   * @param counting whether to keep the number of entries for {@link #holdsEntries()}; costs an
   *     atomic increment per put and a decrement per take
   */
  SubmissionTimes(int sets, boolean counting) {
    if (sets <= 0 || Integer.bitCount(sets) != 1) {
      throw new IllegalArgumentException("sets must be a power of two: " + sets);
    }
    this.setBits = Integer.numberOfTrailingZeros(sets);
    this.setMask = sets - 1;
    this.slots = new AtomicLongArray(sets * WAYS);
    this.entries = counting ? new AtomicInteger() : null;
  }

  /**
   * Remembers that {@code task} was submitted at {@code nanos}, a {@link System#nanoTime()} reading.
   * Cost: the task's identity hash, a scan of one set and one CAS; allocates nothing.
   */
  void put(Object task, long nanos) {
    int hash = System.identityHashCode(task);
    int base = (hash & setMask) * WAYS;
    long value = key(hash) | (units(nanos) & TIME_MASK);
    for (int attempt = 0; attempt < 2; attempt++) {
      int victim = -1;
      long victimAge = Long.MIN_VALUE;
      for (int i = 0; i < WAYS; i++) {
        long current = slots.get(base + i);
        if (current == 0) {
          if (slots.compareAndSet(base + i, 0, value)) {
            if (entries != null) {
              entries.incrementAndGet();
            }
            return;
          }
          continue;
        }
        long age = age(value, current);
        if (age > victimAge) {
          victimAge = age;
          victim = base + i;
        }
      }
      // Every slot of the set is taken: the oldest gives way (the count stays: one left, one came).
      if (victim >= 0) {
        long current = slots.get(victim);
        if (current != 0 && slots.compareAndSet(victim, current, value)) {
          return;
        }
      }
    }
    // Other threads kept changing this set: this task records no wait.
  }

  /** Whether any entry is held; only for a counting table (false lets forked subtasks skip {@link #take}). */
  boolean holdsEntries() {
    return entries.get() > 0;
  }

  /**
   * The submission time of {@code task} (its oldest, if submitted several times), forgotten from
   * now on; {@link #UNKNOWN} if there is none. Exact to {@value #UNIT_NANOS} ns. Cost: the identity
   * hash, a scan of one set and one CAS.
   *
   * @param now a {@link System#nanoTime()} reading taken now, which the stored time is read against
   */
  long take(Object task, long now) {
    int hash = System.identityHashCode(task);
    int base = (hash & setMask) * WAYS;
    long key = key(hash);
    long reference = key | (units(now) & TIME_MASK);
    while (true) {
      int found = -1;
      long best = 0;
      long bestAge = Long.MIN_VALUE;
      for (int i = 0; i < WAYS; i++) {
        long current = slots.get(base + i);
        if ((current & ~TIME_MASK) == key) {
          long age = age(reference, current);
          if (age > bestAge) {
            bestAge = age;
            best = current;
            found = base + i;
          }
        }
      }
      if (found < 0) {
        return UNKNOWN;
      }
      if (slots.compareAndSet(found, best, 0)) {
        if (entries != null) {
          entries.decrementAndGet();
        }
        return now - (bestAge << UNIT_SHIFT);
      }
      // Another thread took or replaced that entry: look again.
    }
  }

  /**
   * Forgets one submission of {@code task}, if any (a rejected task never runs; which of several
   * submissions of one task goes does not matter, so no clock is read for it).
   */
  void forget(Object task) {
    take(task, 0L);
  }

  /** Used slots, for tests: a full scan. */
  int size() {
    int n = 0;
    for (int i = 0; i < slots.length(); i++) {
      if (slots.get(i) != 0) {
        n++;
      }
    }
    return n;
  }

  /** The used bit and the tag: the top {@code 64 - TIME_BITS} bits of a slot. */
  private long key(int hash) {
    return USED | (((hash >>> setBits) & TAG_MASK) << TIME_BITS);
  }

  private static long units(long nanos) {
    return nanos >> UNIT_SHIFT;
  }

  /**
   * How many units {@code entry}'s time lies before {@code reference}'s, read modulo the time field
   * (negative if it lies after: another thread's slightly later submission).
   */
  private static long age(long reference, long entry) {
    long difference = (reference - entry) & TIME_MASK;
    return (difference << (64 - TIME_BITS)) >> (64 - TIME_BITS);
  }
}
