package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.apps.ExecutorApp;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.TestApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Executor metrics through the built agent: {@link ExecutorApp} runs one scenario per executor type
 * in a forked JVM, and the scrape must show exactly what it did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExecutorMetricsTest {
  static final String DURATION = "jvm_executor_task_duration_seconds";
  static final String WAIT = "jvm_executor_task_wait_duration_seconds";
  static final String REJECTED = "jvm_executor_task_rejected_total";
  static final double[] BOUNDS = {
    0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };
  private static final String APP = "io.weft.smoke.apps.ExecutorApp";

  private TestApp app;
  private Path control;
  private Exposition first;

  abstract Jdk jdk();

  @BeforeAll
  void runScenarios() throws IOException {
    control = Files.createTempDirectory(BuildArtifacts.logDirectory().getParent(), "executor-control");
    app = TestApp.start(ForkedJvm.on(jdk()).javaagent(BuildArtifacts.agentJar())
            // Two CPUs give the common pool a parallelism of 1, and CompletableFuture then bypasses it.
            .systemProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2"),
        FreePort.pick(), "executors-" + jdk(), APP, control.toString());
    app.awaitResult("common.async");
    first = app.scrape();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  static double count(Exposition e, String histogram, String name, String type) {
    return e.valueOrZero(histogram + "_count", "jvm_executor_name", name, "jvm_executor_type", type);
  }

  /** The cumulative bucket counts of one series, in bound order, +Inf last. */
  static List<Double> buckets(Exposition e, String histogram, String name, String type) {
    return e.samples(histogram + "_bucket", "jvm_executor_name", name, "jvm_executor_type", type).stream()
        .map(Sample::value).toList();
  }

  @Test
  void aThreadPoolCountsEveryTaskOnceWhetherExecutedOrSubmitted() {
    assertEquals("280", app.result("orders.sum"), "3*3 + ... + 9*9: the results are the tasks' own");
    assertEquals("3", app.result("orders.failed"));
    assertEquals("true", app.result("orders.same-exception"));
    assertEquals(ExecutorApp.ORDERS_TASKS, count(first, DURATION, "orders", "thread_pool"));
    assertEquals(ExecutorApp.ORDERS_TASKS, count(first, WAIT, "orders", "thread_pool"));
    assertEquals(0.0, first.valueOrZero(REJECTED, "jvm_executor_name", "orders"));
  }

  @Test
  void aBacklogOnOneThreadShowsWaitsGrowingByTheTaskTime() {
    long[] appWaits = Arrays.stream(app.result("backlog.wait-nanos").split(",")).mapToLong(Long::parseLong).toArray();
    assertEquals(ExecutorApp.BACKLOG_TASKS, appWaits.length);
    assertEquals(ExecutorApp.BACKLOG_TASKS, count(first, WAIT, "backlog", "thread_pool"));
    assertEquals(ExecutorApp.BACKLOG_TASKS, count(first, DURATION, "backlog", "thread_pool"));
    // The n-th task waits for the n before it: at least n * 20 ms; the last about 180 ms.
    for (int n = 1; n < appWaits.length; n++) {
      assertTrue(appWaits[n] >= n * ExecutorApp.BACKLOG_TASK_MILLIS * 1_000_000 - 2_000_000,
          "task " + n + " waited " + appWaits[n] + " ns");
    }
    assertTrue(appWaits[9] >= 178_000_000L && appWaits[9] < 1_000_000_000L, "the last waited " + appWaits[9]);
    // The agent's waits match what the application measured around the same moments, bucket by
    // bucket. The agent's clock reads sit inside the application's, and a loaded machine can
    // deschedule a thread between the two for milliseconds: bounds within 10 ms of an application
    // figure are not compared.
    List<Double> cumulative = buckets(first, WAIT, "backlog", "thread_pool");
    assertEquals(BOUNDS.length + 1, cumulative.size());
    for (int b = 0; b < BOUNDS.length; b++) {
      double bound = BOUNDS[b];
      boolean close = Arrays.stream(appWaits).anyMatch(w -> Math.abs(w / 1e9 - bound) < 0.010);
      if (!close) {
        long expected = Arrays.stream(appWaits).filter(w -> w / 1e9 <= bound).count();
        assertEquals(expected, cumulative.get(b), "waits up to " + bound + " s; the application measured "
            + Arrays.toString(appWaits));
      }
    }
    double appSum = Arrays.stream(appWaits).sum() / 1e9;
    double agentSum = first.only(WAIT + "_sum", "jvm_executor_name", "backlog").value();
    assertTrue(agentSum <= appSum && agentSum > appSum - 0.05, "sum of waits: agent " + agentSum + " s, application "
        + appSum + " s");
    assertTrue(agentSum > 0.85, "ten waits of 0, 20, ..., 180 ms add up to about 0.9 s: " + agentSum);
  }

  @Test
  void rejectionsByTheAbortPolicyAreCountedExactly() {
    assertEquals(String.valueOf(ExecutorApp.REJECTED), app.result("rejecting.refused"));
    assertEquals(ExecutorApp.REJECTED, first.only(REJECTED, "jvm_executor_name", "rejecting",
        "jvm_executor_type", "thread_pool").value());
    assertEquals(2.0, count(first, DURATION, "rejecting", "thread_pool"), "the two accepted tasks ran");
    assertEquals(2.0, count(first, WAIT, "rejecting", "thread_pool"));
  }

  @Test
  void poolStateGaugesMatchWhatThePoolItselfReports() {
    String[] labels = {"jvm_executor_name", "state", "jvm_executor_type", "thread_pool"};
    assertEquals(Double.parseDouble(app.result("state.pool-size")), first.only("jvm_executor_pool_size", labels).value());
    assertEquals(Double.parseDouble(app.result("state.active")), first.only("jvm_executor_pool_active", labels).value());
    assertEquals(Double.parseDouble(app.result("state.max")), first.only("jvm_executor_pool_max", labels).value());
    assertEquals(Double.parseDouble(app.result("state.queue-size")), first.only("jvm_executor_queue_size", labels).value());
    assertEquals(Double.parseDouble(app.result("state.queue-remaining")),
        first.only("jvm_executor_queue_remaining", labels).value());
    assertEquals(List.of("3", "3", "3", "4", "6"), List.of(app.result("state.pool-size"), app.result("state.active"),
        app.result("state.max"), app.result("state.queue-size"), app.result("state.queue-remaining")));
  }

  @Test
  void aScheduledExecutorCountsEachRunWithItsLatenessAsTheWait() {
    assertEquals("6", app.result("ticker.periodic-runs"));
    assertEquals(ExecutorApp.SCHEDULED_RUNS, count(first, DURATION, "ticker", "scheduled"));
    assertEquals(ExecutorApp.SCHEDULED_RUNS, count(first, WAIT, "ticker", "scheduled"));
    assertEquals(List.of(), first.samples(DURATION + "_count", "jvm_executor_name", "ticker", "jvm_executor_type",
        "thread_pool"), "a scheduled pool is not also a thread pool");
  }

  @Test
  void aForkJoinPoolWithDefaultThreadNamesIsNamedByTheClassThatCreatedIt() {
    assertEquals(ExecutorApp.FORK_JOIN_TASKS, count(first, DURATION, APP, "fork_join"));
    assertEquals(ExecutorApp.FORK_JOIN_TASKS, count(first, WAIT, APP, "fork_join"));
    assertEquals(Double.parseDouble(app.result("forkjoin.parallelism")),
        first.only("jvm_executor_pool_max", "jvm_executor_name", APP, "jvm_executor_type", "fork_join").value());
  }

  @Test
  void theCommonPoolCountsCompletableFutureTasksExactlyAndThenAParallelStream() throws IOException {
    assertEquals("2", app.result("common.parallelism"));
    assertEquals(ExecutorApp.COMMON_ASYNC_TASKS, count(first, DURATION, "common", "fork_join"));
    assertEquals(ExecutorApp.COMMON_ASYNC_TASKS, count(first, WAIT, "common", "fork_join"));

    Files.createFile(control.resolve("parallel-stream"));
    long onWorkers = Long.parseLong(app.awaitResult("common.elements-on-workers"));
    assertTrue(onWorkers > 0, "the common pool's workers took part in the stream");
    Exposition after = app.scrape();
    double streamTasks = count(after, DURATION, "common", "fork_join") - ExecutorApp.COMMON_ASYNC_TASKS;
    assertTrue(streamTasks > 0, "the stream's tasks on the common pool's workers were counted: " + streamTasks);
    assertEquals(2.0, after.only("jvm_executor_pool_max", "jvm_executor_name", "common").value());
  }

  @Test
  void everyPoolIsOneOfTheApplicationsWithItsTypeAndNoneIsTheAgentsOrTheJdks() {
    List<String> series = first.samples(DURATION + "_count").stream()
        .map(s -> s.label("jvm_executor_name") + "/" + s.label("jvm_executor_type")).sorted().toList();
    // Series exist from the moment a pool is named; "state" has tasks that never finish.
    assertEquals(Stream.of(APP + "/fork_join", "backlog/thread_pool", "common/fork_join", "orders/thread_pool",
        "rejecting/thread_pool", "state/thread_pool", "ticker/scheduled").sorted().toList(), series);
    assertEquals(0.0, count(first, DURATION, "state", "thread_pool"));
    List<String> pools = first.samples("jvm_executor_pool_size").stream()
        .map(s -> s.label("jvm_executor_name") + "/" + s.label("jvm_executor_type")).sorted().toList();
    assertEquals(series, pools);
  }
}
