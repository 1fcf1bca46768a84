package io.weft.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times operations by the thread's CPU clock instead of the wall clock: on a machine shared with
 * other work, JMH's times include waiting for a core, while the budgets (at most 1 µs of CPU
 * per request) are about CPU. Each operation is warmed up, then run in rounds of a million calls;
 * the median and lowest round are printed in CPU ns per call, one line per operation.
 */
final class CpuTimePerCall {
  private static final int CALLS_PER_ROUND = 1_000_000;
  private static final int WARM_UP_ROUNDS = 3;
  private static final int ROUNDS = 7;

  /** Keeps returned objects observable so that the JIT cannot drop the work that made them. */
  static volatile Object sink;

  private CpuTimePerCall() {}

  /** Runs every operation in turn and prints its line. */
  static void print(Map<String, Supplier<Object>> operations) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("operation | CPU ns per call, median of " + ROUNDS + " rounds | lowest round");
    for (Map.Entry<String, Supplier<Object>> op : operations.entrySet()) {
      for (int i = 0; i < WARM_UP_ROUNDS; i++) {
        round(op.getValue());
      }
      double[] perCall = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        long before = threads.getCurrentThreadCpuTime();
        round(op.getValue());
        perCall[i] = (threads.getCurrentThreadCpuTime() - before) / (double) CALLS_PER_ROUND;
      }
      Arrays.sort(perCall);
      System.out.printf("%s | %.0f | %.0f%n", op.getKey(), perCall[ROUNDS / 2], perCall[0]);
    }
  }

  private static void round(Supplier<Object> operation) {
    Object last = null;
    for (int i = 0; i < CALLS_PER_ROUND; i++) {
      last = operation.get();
    }
    sink = last;
  }
}
