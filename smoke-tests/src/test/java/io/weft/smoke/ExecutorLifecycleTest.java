package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.apps.ExecutorLifecycleApp;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Executors the application drops are garbage-collected with the agent attached, pools created per
 * request share one series, and the series limit with its overflow series bounds the rest, pool
 * state included ({@link ExecutorLifecycleApp}, with a series limit of 4).
 */
class ExecutorLifecycleTest {
  private static final String PER_REQUEST = "io.weft.smoke.apps.ExecutorLifecycleApp$PerRequest";
  private static final String APP = "io.weft.smoke.apps.ExecutorLifecycleApp";
  private static final String OVERFLOW = "otel_metric_overflow";

  @Test
  void droppedPoolsAreCollectedSharedNamesShareSeriesAndTheLimitHolds() {
    try (TestApp app = TestApp.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_METRIC_SERIES_LIMIT", "4"), FreePort.pick(), "executors-lifecycle", APP)) {
      app.awaitReady();
      int dropped = ExecutorLifecycleApp.REQUESTS + ExecutorLifecycleApp.REQUESTS / 5 + ExecutorLifecycleApp.FORK_JOIN_POOLS;
      assertEquals(String.valueOf(dropped), app.result("dropped"));
      assertEquals(String.valueOf(dropped), app.result("collected"), "every dropped executor was garbage-collected");

      Exposition e = app.scrape();
      String duration = ExecutorMetricsTest.DURATION + "_count";
      assertEquals(ExecutorLifecycleApp.REQUESTS + ExecutorLifecycleApp.REQUESTS / 5,
          ExecutorMetricsTest.count(e, ExecutorMetricsTest.DURATION, PER_REQUEST, "thread_pool"),
          "240 pools, one series: each handled request ran one task, each abandoned pool its blocking one");
      assertEquals(ExecutorLifecycleApp.FORK_JOIN_POOLS,
          ExecutorMetricsTest.count(e, ExecutorMetricsTest.DURATION, APP, "fork_join"));
      assertEquals(List.of(), e.samples("jvm_executor_pool_size", "jvm_executor_name", PER_REQUEST),
          "no pool state is reported for collected pools");

      // Series in the order pools were named: the per-request pools, the common pool (the JDK builds it
      // with the first fork-join pool), the fork-join pools and tenant-a have their own; tenant-b to
      // tenant-f (one task each) share the overflow series.
      List<String> own = e.samples(duration).stream().filter(s -> s.label(OVERFLOW) == null)
          .map(s -> s.label("jvm_executor_name")).sorted().toList();
      assertEquals(List.of("common", APP, PER_REQUEST, "tenant-a"), own);
      assertEquals(5.0, e.only(duration, OVERFLOW, "true").value());

      // Pool state: seven live pools (the tenants and the common pool), seven names, one thread at most
      // each here; four keep their own series, three are summed into the overflow series.
      List<Sample> max = e.samples("jvm_executor_pool_max");
      assertEquals(5, max.size(), max.toString());
      assertEquals(3.0, e.only("jvm_executor_pool_max", OVERFLOW, "true").value());
    }
  }
}
