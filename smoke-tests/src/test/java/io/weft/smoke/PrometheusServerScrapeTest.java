package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.PrometheusServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server scrapes the agent. Prometheus asks for OpenMetrics first, so this is
 * where Weft's OpenMetrics output meets a strict parser that is not ours.
 */
class PrometheusServerScrapeTest {
  @TempDir Path work;

  @Test
  void prometheusScrapesTheAgentWithoutErrorAndStoresTargetInfo() {
    int metricsPort = FreePort.pick();
    try (Demo demo = Demo.start(
            ForkedJvm.on(Jdk.java17())
                .javaagent(BuildArtifacts.agentJar())
                .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort)),
            "prometheus-scrape");
        PrometheusServer prometheus = PrometheusServer.scraping(metricsPort, work)) {
      DemoEndpoints.assertAllAnswer(demo);

      assertEquals(new PrometheusServer.TargetState("up", ""), prometheus.awaitFirstScrape(Polling.SHORT));
      String targetInfo = prometheus.query("target_info{job=\"weft\"}");
      assertTrue(
          targetInfo.contains("\"process_pid\":\"" + demo.jvm().pid() + "\""),
          "target_info as Prometheus stored it: " + targetInfo);
    }
  }
}
