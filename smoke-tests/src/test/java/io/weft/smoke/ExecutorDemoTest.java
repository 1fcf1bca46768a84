package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo service's pools appear under the names their threads carry ({@code demo-work},
 * {@code demo-http}) with exact counts; the agent's own scrape pool does not appear; each executor
 * class is rewritten once; and {@code WEFT_INSTRUMENTATION_EXECUTORS_ENABLED=false} rewrites none.
 */
class ExecutorDemoTest {
  private static final List<String> REWRITTEN = List.of(
      "[weft] DEBUG instrumented java.util.concurrent.ThreadPoolExecutor",
      "[weft] DEBUG instrumented java.util.concurrent.ThreadPoolExecutor$Worker",
      "[weft] DEBUG instrumented java.util.concurrent.ForkJoinPool",
      "[weft] DEBUG instrumented java.util.concurrent.ForkJoinTask");

  private static Demo start(boolean enabled, int metricsPort) {
    return Demo.start(
        ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_LOG_LEVEL", "debug")
            .env("WEFT_INSTRUMENTATION_EXECUTORS_ENABLED", String.valueOf(enabled)),
        "executors-demo-" + enabled);
  }

  private static Exposition scrape(int metricsPort) {
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  private static List<String> rewriteLines(Demo demo) {
    return demo.jvm().stderrLines().stream().filter(l -> l.startsWith("[weft] DEBUG instrumented java.util.concurrent"))
        .sorted().toList();
  }

  @Test
  void theDemoPoolsAreNamedByTheirThreadsAndCountedExactly() {
    int metricsPort = FreePort.pick();
    try (Demo demo = start(true, metricsPort)) {
      demo.awaitAgentStarted();
      for (int i = 0; i < 5; i++) {
        assertEquals(200, Scrape.get(demo.uri("/work")).status());
      }
      assertEquals(200, Scrape.get(demo.uri("/hello")).status());
      // A request's task ends a moment after its response is sent: wait for the last one to be recorded.
      Exposition e = scrape(metricsPort);
      long deadline = System.nanoTime() + Polling.SHORT.toNanos();
      while (ExecutorMetricsTest.count(e, ExecutorMetricsTest.DURATION, "demo-http", "thread_pool") < 6
          && System.nanoTime() - deadline < 0) {
        e = scrape(metricsPort);
      }

      assertEquals(5.0, ExecutorMetricsTest.count(e, ExecutorMetricsTest.DURATION, "demo-work", "thread_pool"));
      assertEquals(5.0, ExecutorMetricsTest.count(e, ExecutorMetricsTest.WAIT, "demo-work", "thread_pool"));
      assertEquals(6.0, ExecutorMetricsTest.count(e, ExecutorMetricsTest.DURATION, "demo-http", "thread_pool"),
          "one task per request the demo's HttpServer handled: five /work and one /hello");
      assertEquals(2.0, e.only("jvm_executor_pool_max", "jvm_executor_name", "demo-work").value());
      assertEquals(0.0, e.only("jvm_executor_queue_size", "jvm_executor_name", "demo-work").value());
      assertEquals(64.0, e.only("jvm_executor_queue_remaining", "jvm_executor_name", "demo-work").value());
      // The demo's two pools, and the common pool if something loaded ForkJoinPool; not the agent's scrape pool.
      List<String> pools = e.samples("jvm_executor_pool_max").stream().map(s -> s.label("jvm_executor_name"))
          .filter(name -> !name.equals("common")).sorted().toList();
      assertEquals(List.of("demo-http", "demo-work"), pools);
      // The thread-pool classes are rewritten once each; the fork-join ones once each if this JVM loaded them.
      List<String> lines = rewriteLines(demo);
      assertEquals(lines.stream().distinct().toList(), lines, "no class is rewritten twice");
      assertEquals(true, REWRITTEN.containsAll(lines), lines.toString());
      assertEquals(true, lines.containsAll(REWRITTEN.subList(0, 2)), lines.toString());
    }
  }

  @Test
  void disabledRewritesNoExecutorClassAndExposesNoExecutorMetric() {
    int metricsPort = FreePort.pick();
    try (Demo demo = start(false, metricsPort)) {
      demo.awaitAgentStarted();
      assertEquals(200, Scrape.get(demo.uri("/work")).status());
      Exposition e = scrape(metricsPort);
      assertEquals(List.of(), e.sampleNames().stream().filter(n -> n.startsWith("jvm_executor")).toList());
      assertEquals(List.of(), rewriteLines(demo));
    }
  }
}
