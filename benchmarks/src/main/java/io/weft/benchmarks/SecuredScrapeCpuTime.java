package io.weft.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link SecuredScrapeBenchmark}'s two scrapes timed by CPU instead of the wall clock: on a machine
 * shared with other work a TLS scrape's several round trips each wait for a core, which JMH's wall
 * times show but the host does not pay in CPU. Prints, per registry size and scrape kind, the endpoint's
 * CPU per scrape (the {@code weft-prometheus-*} threads: what the application's host pays), the
 * client's CPU per scrape, and the wall time, as median and lowest of 7 rounds after 3 warm-up rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.SecuredScrapeCpuTime
 * </pre>
 */
public final class SecuredScrapeCpuTime {
  private static final int WARM_UP_ROUNDS = 3;
  private static final int ROUNDS = 7;

  private SecuredScrapeCpuTime() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("series | scrape | endpoint CPU ms/scrape, median (lowest) | client CPU ms/scrape | wall ms/scrape");
    for (int series : new int[] {100, 10_000}) {
      SecuredScrapeBenchmark benchmark = new SecuredScrapeBenchmark();
      benchmark.series = series;
      benchmark.setUp();
      int perRound = series == 100 ? 200 : 20;
      try {
        for (String kind : new String[] {"plain HTTP", "TLS + basic auth"}) {
          double[] endpoint = new double[ROUNDS];
          double[] client = new double[ROUNDS];
          double[] wall = new double[ROUNDS];
          for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            long endpointBefore = endpointCpu(threads);
            long clientBefore = threads.getCurrentThreadCpuTime();
            long wallBefore = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
              CpuTimePerCall.sink = kind.startsWith("plain") ? benchmark.scrapePlainHttp() : benchmark.scrapeTlsBasicAuth();
            }
            if (round >= 0) {
              endpoint[round] = (endpointCpu(threads) - endpointBefore) / 1e6 / perRound;
              client[round] = (threads.getCurrentThreadCpuTime() - clientBefore) / 1e6 / perRound;
              wall[round] = (System.nanoTime() - wallBefore) / 1e6 / perRound;
            }
          }
          System.out.printf("%d | %s | %s | %s | %s%n", series, kind, medianLowest(endpoint), medianLowest(client),
              medianLowest(wall));
        }
      } finally {
        benchmark.tearDown();
      }
    }
  }

  /** CPU of the endpoint's threads (accept, workers, timer) so far; threads that ended are not counted. */
  private static long endpointCpu(ThreadMXBean threads) {
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("weft-prometheus-")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        total += Math.max(cpu, 0);
      }
    }
    return total;
  }

  private static String medianLowest(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format("%.2f (%.2f)", sorted[ROUNDS / 2], sorted[0]);
  }
}
