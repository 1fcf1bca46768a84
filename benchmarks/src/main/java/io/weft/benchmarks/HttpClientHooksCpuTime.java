package io.weft.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operations of {@link HttpClientHooksBenchmark} timed by the thread's CPU clock instead of the
 * wall clock: on a machine shared with other work, JMH's times include waiting for a core, while the
 * issue's budget (at most 1 µs of CPU per call) is about CPU. Each operation is warmed up, then run in
 * rounds of a million calls; the median and lowest round are printed in CPU ns per call.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.HttpClientHooksCpuTime}
 */
public final class HttpClientHooksCpuTime {
  private static final int CALLS_PER_ROUND = 1_000_000;
  private static final int WARM_UP_ROUNDS = 3;
  private static final int ROUNDS = 7;

  /** Keeps returned objects observable so that the JIT cannot drop the work that made them. */
  static volatile Object sink;

  private HttpClientHooksCpuTime() {}

  public static void main(String[] args) throws Exception {
    HttpClientHooksBenchmark b = new HttpClientHooksBenchmark();
    b.setUp();
    Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
    operations.put("jdkSend", () -> {
      b.jdkSend();
      return null;
    });
    operations.put("jdkSendAsync", b::jdkSendAsync);
    operations.put("jdkSendAsyncBaseline", b::jdkSendAsyncBaseline);
    operations.put("urlConnection", b::urlConnection);
    operations.put("urlConnectionBaseline", b::urlConnectionBaseline);
    operations.put("apacheDoExecute", () -> {
      b.apacheDoExecute();
      return null;
    });
    operations.put("okHttpChain", () -> {
      b.okHttpChain();
      return null;
    });
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
