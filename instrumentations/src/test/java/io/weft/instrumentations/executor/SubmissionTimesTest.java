package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The submission table: exact times back, oldest first, bounded, and holding nothing alive. */
class SubmissionTimesTest {

  @Test
  void aTaskGivesBackItsTimeOnce() {
    SubmissionTimes times = new SubmissionTimes(16);
    Object task = new Object();
    times.put(task, 1234L);
    assertEquals(1234L, times.take(task));
    assertEquals(SubmissionTimes.UNKNOWN, times.take(task));
    assertEquals(SubmissionTimes.UNKNOWN, times.take(new Object()));
  }

  @Test
  void theSameTaskSubmittedSeveralTimesStartsOldestFirst() {
    SubmissionTimes times = new SubmissionTimes(16);
    Object task = new Object();
    times.put(task, 30L);
    times.put(task, 10L);
    times.put(task, 20L);
    assertEquals(10L, times.take(task));
    assertEquals(20L, times.take(task));
    assertEquals(30L, times.take(task));
    assertEquals(SubmissionTimes.UNKNOWN, times.take(task));
  }

  @Test
  void aFullSetGivesUpItsOldestEntry() {
    // One set: every task lands in it.
    SubmissionTimes times = new SubmissionTimes(1);
    List<Object> tasks = new ArrayList<>();
    for (int i = 0; i < SubmissionTimes.WAYS + 1; i++) {
      Object task = new Object();
      tasks.add(task);
      times.put(task, 100L + i);
    }
    assertEquals(SubmissionTimes.WAYS, times.size());
    assertEquals(SubmissionTimes.UNKNOWN, times.take(tasks.get(0)), "the oldest gave way");
    for (int i = 1; i < tasks.size(); i++) {
      assertEquals(100L + i, times.take(tasks.get(i)));
    }
  }

  @Test
  void forgottenTasksAreGone() {
    SubmissionTimes times = new SubmissionTimes(4);
    Object task = new Object();
    times.put(task, 5L);
    times.forget(task);
    assertEquals(0, times.size());
  }

  @Test
  void aTaskThatNeverRunsIsNotKeptAliveAndItsSlotIsReused() throws InterruptedException {
    SubmissionTimes times = new SubmissionTimes(1);
    WeakReference<Object> dropped = dropAfterSubmitting(times);
    awaitCollected(dropped);
    assertEquals(0, times.size(), "a collected task's entry no longer counts");
    List<Object> tasks = new ArrayList<>();
    for (int i = 0; i < SubmissionTimes.WAYS; i++) {
      Object task = new Object();
      tasks.add(task);
      times.put(task, i);
    }
    for (int i = 0; i < tasks.size(); i++) {
      assertEquals(i, times.take(tasks.get(i)), "no live entry gave way to the dead one");
    }
  }

  private static WeakReference<Object> dropAfterSubmitting(SubmissionTimes times) {
    Object task = new Object();
    times.put(task, 1L);
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
  void forkJoinEntriesAreCountedUntilTheyLeaveHoweverTheyLeave() throws InterruptedException {
    SubmissionTimes times = new SubmissionTimes(1);
    Object taken = new Object();
    Object other = new Object();
    times.put(taken, 1L, true);
    times.put(other, 2L, false);
    assertTrue(times.holdsForkJoinTasks());
    times.take(taken);
    assertEquals(false, times.holdsForkJoinTasks(), "taken");
    times.take(other);

    WeakReference<Object> collected = dropAfterSubmittingToForkJoin(times);
    awaitCollected(collected);
    List<Object> live = new ArrayList<>();
    for (int i = 0; i < SubmissionTimes.WAYS + 1; i++) {
      Object task = new Object();
      live.add(task);
      times.put(task, 100L + i, i == 0);
      assertEquals(i < SubmissionTimes.WAYS, times.holdsForkJoinTasks(), "after entry " + i);
    }
    // The collected fork-join entry's slot went to the first new one (fork-join too), which, being
    // the oldest, gave way to the seventeenth: had either left uncounted, the count would stay above 0.
    assertEquals(false, times.holdsForkJoinTasks(), "collected, then given way");
  }

  private static WeakReference<Object> dropAfterSubmittingToForkJoin(SubmissionTimes times) {
    Object task = new Object();
    times.put(task, 3L, true);
    return new WeakReference<>(task);
  }

  @Test
  void concurrentSubmittersAndStartersLoseNothingWhileSetsHaveRoom() throws InterruptedException {
    SubmissionTimes times = new SubmissionTimes(1024);
    int perThread = 2000;
    List<Thread> threads = new ArrayList<>();
    long[] lost = new long[4];
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          Object task = new Object();
          times.put(task, i);
          if (times.take(task) != i) {
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
    assertTrue(times.size() == 0);
  }
}
