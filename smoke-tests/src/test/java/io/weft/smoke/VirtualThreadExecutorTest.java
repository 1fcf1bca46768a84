package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.apps.VirtualThreadApp;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thread-per-task executors on Temurin 25 through the built agent: tasks on virtual threads are
 * counted exactly, rejections after shutdown too, and the JDK's own virtual-thread scheduler (a
 * ForkJoinPool) is not reported as one of the application's pools.
 */
class VirtualThreadExecutorTest {
  private static final String APP = "io.weft.smoke.apps.VirtualThreadApp";

  @Test
  void virtualThreadTasksAreCountedExactlyAndTheSchedulerIsLeftOut() {
    try (TestApp app = TestApp.start(ForkedJvm.on(Jdk.temurin25()).javaagent(BuildArtifacts.agentJar()),
        FreePort.pick(), "executors-virtual", APP)) {
      app.awaitReady();
      assertEquals("true", app.result("virtual.on-virtual-threads"));
      assertEquals(String.valueOf(VirtualThreadApp.REFUSED), app.result("virtual.refused"));
      assertEquals("true", app.result("named.terminated"));
      // A task's run is recorded as its runner returns, a moment after the executor saw it complete.
      Exposition e = app.scrapeUntil(x -> ExecutorMetricsTest.count(x, ExecutorMetricsTest.DURATION, "vt", "virtual")
          == VirtualThreadApp.NAMED_TASKS);

      assertEquals(VirtualThreadApp.TASKS, ExecutorMetricsTest.count(e, ExecutorMetricsTest.DURATION, APP, "virtual"));
      assertEquals(VirtualThreadApp.NAMED_TASKS, ExecutorMetricsTest.count(e, ExecutorMetricsTest.DURATION, "vt", "virtual"));
      assertEquals(VirtualThreadApp.REFUSED, e.only(ExecutorMetricsTest.REJECTED, "jvm_executor_name", APP,
          "jvm_executor_type", "virtual").value());
      assertEquals(List.of(), e.samples(ExecutorMetricsTest.WAIT + "_count", "jvm_executor_type", "virtual"),
          "a thread-per-task executor queues nothing, so it has no wait");
      assertEquals(0.0, e.only("jvm_executor_pool_active", "jvm_executor_name", "vt").value(), "all tasks ended");

      List<String> series = e.samples(ExecutorMetricsTest.DURATION + "_count").stream()
          .map(s -> s.label("jvm_executor_name") + "/" + s.label("jvm_executor_type")).sorted().toList();
      // The virtual-thread scheduler is a ForkJoinPool of the JDK's: the only fork-join pool here is
      // the common pool, which the JDK builds along with it.
      assertEquals(List.of("common/fork_join", APP + "/virtual", "vt/virtual"), series);
    }
  }
}
