package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code /outbound} (a java.net.http call to its own {@code /hello}) shows up as one client
 * request; {@code WEFT_INSTRUMENTATION_HTTP_CLIENT_ENABLED=false} removes the HTTP client
 * instrumentation entirely.
 */
class HttpClientSwitchTest {
  private static final String REWRITTEN = "[weft] DEBUG instrumented jdk.internal.net.http.HttpClientImpl";

  private static Demo start(boolean enabled, int metricsPort) {
    return Demo.start(
        ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_LOG_LEVEL", "debug")
            .env("WEFT_INSTRUMENTATION_HTTP_CLIENT_ENABLED", String.valueOf(enabled)),
        "http-client-enabled-" + enabled);
  }

  private static Exposition outboundThenScrape(Demo demo, int metricsPort) {
    demo.awaitAgentStarted();
    DemoEndpoints.assertAnswer(demo, "/outbound", 200,
        "outbound http://127.0.0.1:" + demo.port() + "/hello -> 200 hello\n");
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  @Test
  void theDemosOutboundCallIsOneClientRequest() {
    int metricsPort = FreePort.pick();
    try (Demo demo = start(true, metricsPort)) {
      Exposition e = outboundThenScrape(demo, metricsPort);
      assertEquals(Map.of("GET 200 127.0.0.1 " + demo.port() + " 1.1 -", 1), ClientScripts.scrapedSeries(e));
      assertEquals(List.of(REWRITTEN), demo.stderrContaining(REWRITTEN));
      // The server side saw both requests: /outbound and the /hello it called.
      assertEquals(1.0, e.only("http_server_request_duration_seconds_count", "http_route", "/hello").value());
    }
  }

  @Test
  void disabledRewritesNoClientClassAndExposesNoClientMetric() {
    int metricsPort = FreePort.pick();
    try (Demo demo = start(false, metricsPort)) {
      Exposition e = outboundThenScrape(demo, metricsPort);
      assertEquals(List.of(), e.samples(ClientScripts.DURATION_COUNT));
      assertEquals(List.of(), e.samples("http_client_request_duration_seconds_bucket"));
      assertEquals(List.of(), demo.stderrContaining("[weft] DEBUG instrumented jdk.internal.net.http"));
      assertEquals(List.of(), demo.stderrContaining("[weft] DEBUG instrumented sun.net.www.protocol"));
    }
  }
}
