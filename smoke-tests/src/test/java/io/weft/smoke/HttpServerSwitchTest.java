package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Scrape;
import io.weft.smoke.harness.ServletApp;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED=false} removes the HTTP server instrumentation
 * entirely: the JDK server's and the servlet containers' classes run unchanged. (The servlet
 * container tests show the classes that are rewritten when it is on.)
 */
class HttpServerSwitchTest {
  private static final String REWRITTEN = "[weft] DEBUG instrumented com.sun.net.httpserver.Filter$Chain";

  private static Demo start(boolean enabled, int metricsPort) {
    return Demo.start(
        ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_LOG_LEVEL", "debug")
            .env("WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED", String.valueOf(enabled)),
        "http-server-enabled-" + enabled);
  }

  private static Exposition requestThenScrape(Demo demo, int metricsPort) {
    demo.awaitAgentStarted();
    assertEquals(200, Scrape.get(demo.uri("/hello")).status());
    return Exposition.parse(Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text());
  }

  @Test
  void disabledRewritesNoClassAndExposesNoHttpServerMetric() {
    int metricsPort = FreePort.pick();
    try (Demo demo = start(false, metricsPort)) {
      Exposition e = requestThenScrape(demo, metricsPort);
      assertEquals(List.of(), e.samples("http_server_request_duration_seconds_count"));
      assertEquals(List.of(), e.samples("http_server_active_requests"));
      assertEquals(List.of(), demo.stderrContaining(REWRITTEN));
    }
  }

  @Test
  void disabledRewritesNoServletClassInTomcat() {
    int metricsPort = FreePort.pick();
    try (ServletApp app = ServletApp.start(
        ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_LOG_LEVEL", "debug")
            .env("WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED", "false")
            .classpath(TomcatServletMetricsTest.tomcatClassPath())
            .mainClass("io.weft.smoke.servlet.TomcatServletApp"),
        "http-server-disabled-tomcat")) {
      app.awaitAgentStarted();
      assertEquals(200, Scrape.get(app.uri("/app/hello")).status());
      Exposition e = Exposition.parse(Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text());
      assertEquals(List.of(), e.samples("http_server_request_duration_seconds_count"));
      // Other families (executors, HTTP clients) still rewrite JDK classes; no servlet or container class is.
      assertEquals(List.of(), app.jvm().stderrLines().stream().filter(l -> l.contains("DEBUG instrumented "))
          .filter(l -> !ServletContainerMetricsTest.isJdkClass(l.substring(l.indexOf("instrumented ") + 13))).toList());
    }
  }

  @Test
  void enabledByDefaultRewritesTheFilterChainOnce() {
    int metricsPort = FreePort.pick();
    try (Demo demo = start(true, metricsPort)) {
      Exposition e = requestThenScrape(demo, metricsPort);
      assertEquals(1.0, e.samples("http_server_request_duration_seconds_count", "http_route", "/hello").get(0).value());
      assertEquals(List.of(REWRITTEN), demo.stderrContaining(REWRITTEN));
    }
  }
}
