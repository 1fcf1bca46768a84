package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The submission table: times back to the unit, oldest first, bounded, and holding nothing alive. */
class SubmissionTimesTest {

  /**
   * A plausible clock reading: far from 0, so that the packed times wrap as real ones do. It and
   * every offset below are whole units, so that times come back exactly.
   */
  private static final long T0 = 7_654_321_987_654_320L;

  @Test
  void aTaskGivesBackItsTimeOnce() {
    SubmissionTimes times = new SubmissionTimes(16, false);
    Object task = new Object();
    times.put(task, T0);
    assertEquals(T0, times.take(task, T0 + 4_800));
    assertEquals(SubmissionTimes.UNKNOWN, times.take(task, T0 + 6_000));
    assertEquals(SubmissionTimes.UNKNOWN, times.take(new Object(), T0 + 7_000));
  }

  @Test
  void timesAreExactToTheUnitOverHoursOfWaiting() {
    SubmissionTimes times = new SubmissionTimes(16, false);
    long[] waits = {0, 15, 16, 17, 1_000, 20_000_000, 3_600_000_000_000L, 38 * 3_600_000_000_000L};
    for (long wait : waits) {
      Object task = new Object();
      long submitted = T0 + wait * 3; // a different clock reading each time
      times.put(task, submitted);
      long back = times.take(task, submitted + wait);
      assertTrue(Math.abs(back - submitted) < SubmissionTimes.UNIT_NANOS,
          "wait " + wait + " ns: submission read back as " + back + ", put as " + submitted);
    }
  }

  @Test
  void theSameTaskSubmittedSeveralTimesStartsOldestFirst() {
    SubmissionTimes times = new SubmissionTimes(16, false);
    Object task = new Object();
    times.put(task, T0 + 4_800);
    times.put(task, T0 + 1_600);
    times.put(task, T0 + 3_200);
    assertEquals(T0 + 1_600, times.take(task, T0 + 16_000));
    assertEquals(T0 + 3_200, times.take(task, T0 + 16_000));
    assertEquals(T0 + 4_800, times.take(task, T0 + 16_000));
    assertEquals(SubmissionTimes.UNKNOWN, times.take(task, T0 + 16_000));
  }

  @Test
  void aFullSetGivesUpItsOldestEntry() {
    // One set: every task lands in it.
    SubmissionTimes times = new SubmissionTimes(1, false);
    List<Object> tasks = distinctlyTagged(SubmissionTimes.WAYS + 1);
    for (int i = 0; i < tasks.size(); i++) {
      times.put(tasks.get(i), T0 + 1_600L * i);
    }
    assertEquals(SubmissionTimes.WAYS, times.size());
    long now = T0 + 1_600_000;
    assertEquals(SubmissionTimes.UNKNOWN, times.take(tasks.get(0), now), "the oldest gave way");
    for (int i = 1; i < tasks.size(); i++) {
      assertEquals(T0 + 1_600L * i, times.take(tasks.get(i), now));
    }
    assertEquals(0, times.size());
  }

  @Test
  void forgottenTasksAreGone() {
    SubmissionTimes times = new SubmissionTimes(4, false);
    Object task = new Object();
    times.put(task, T0);
    times.forget(task);
    assertEquals(0, times.size());
    assertEquals(SubmissionTimes.UNKNOWN, times.take(task, T0));
  }

  @Test
  void aTaskThatNeverRunsIsNotKeptAliveAndItsEntryIsTheFirstToGiveWay() throws InterruptedException {
    SubmissionTimes times = new SubmissionTimes(1, false);
    WeakReference<Object> dropped = dropAfterSubmitting(times, T0);
    awaitCollected(dropped);
    List<Object> tasks = distinctlyTagged(SubmissionTimes.WAYS);
    for (int i = 0; i < tasks.size(); i++) {
      times.put(tasks.get(i), T0 + 1_600L * (i + 1));
    }
    for (int i = 0; i < tasks.size(); i++) {
      assertEquals(T0 + 1_600L * (i + 1), times.take(tasks.get(i), T0 + 1_600_000),
          "no live entry gave way to the dead one");
    }
  }

  private static WeakReference<Object> dropAfterSubmitting(SubmissionTimes times, long nanos) {
    Object task = new Object();
    times.put(task, nanos);
    return new WeakReference<>(task);
  }

  static void awaitCollected(WeakReference<?> ref) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (ref.get() != null && System.nanoTime() - deadline < 0) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "collected within 20 s of forced GCs");
  }

  @Test
  void aCountingTableKnowsWhetherItHoldsEntriesHoweverTheyLeave() {
    SubmissionTimes times = new SubmissionTimes(1, true);
    assertFalse(times.holdsEntries());
    List<Object> tasks = distinctlyTagged(SubmissionTimes.WAYS + 1);
    times.put(tasks.get(0), T0);
    assertTrue(times.holdsEntries());
    times.take(tasks.get(0), T0 + 100);
    assertFalse(times.holdsEntries(), "taken");
    times.put(tasks.get(0), T0);
    times.forget(tasks.get(0));
    assertFalse(times.holdsEntries(), "forgotten");

    for (int i = 0; i < tasks.size(); i++) {
      times.put(tasks.get(i), T0 + 1_600L * i); // the last one makes the first give way
    }
    for (int i = 0; i < tasks.size(); i++) {
      assertTrue(times.holdsEntries(), "before taking entry " + i);
      times.take(tasks.get(i), T0 + 1_600_000);
    }
    assertFalse(times.holdsEntries(), "an entry that gave way left the count too");
  }

  @Test
  void concurrentSubmittersAndStartersLoseNothingWhileSetsHaveRoom() throws InterruptedException {
    SubmissionTimes times = new SubmissionTimes(1024, true);
    int perThread = 2000;
    List<Thread> threads = new ArrayList<>();
    long[] lost = new long[4];
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          Object task = new Object();
          long submitted = T0 + 16L * i;
          times.put(task, submitted);
          if (times.take(task, submitted + 32) != submitted) {
            lost[id]++;
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(0, lost[0] + lost[1] + lost[2] + lost[3]);
    assertEquals(0, times.size());
    assertFalse(times.holdsEntries());
  }

  /**
   * Tasks whose identity hashes differ in the tag bits, so that a one-set table tells them apart
   * (in a one-set table the tag is the hash's low {@value SubmissionTimes#TAG_BITS} bits).
   */
  private static List<Object> distinctlyTagged(int n) {
    List<Object> tasks = new ArrayList<>();
    java.util.Set<Integer> tags = new java.util.HashSet<>();
    while (tasks.size() < n) {
      Object task = new Object();
      if (tags.add(System.identityHashCode(task) & ((1 << SubmissionTimes.TAG_BITS) - 1))) {
        tasks.add(task);
      }
    }
    return tasks;
  }
}
