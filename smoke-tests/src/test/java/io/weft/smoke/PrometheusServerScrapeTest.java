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
      // A successful request's series as Prometheus stored it: the status an integer in decimal, and
      // no error_type label at all (absent, not empty).
      String hello = prometheus.query("http_server_request_duration_seconds_count{http_route=\"/hello\"}");
      assertTrue(hello.contains("\"http_response_status_code\":\"200\"") && hello.contains("\"url_scheme\":\"http\"")
          && hello.contains("\"http_request_method\":\"GET\"") && hello.contains("\"network_protocol_version\":\"1.1\"")
          && !hello.contains("error_type"), "the /hello series as Prometheus stored it: " + hello);
    }
  }
}
