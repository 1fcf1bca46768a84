package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.clients.HttpClientsApp;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.HttpTargetServer;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP client metrics through the built agent: an application calls a local Jetty server with
 * java.net.http, HttpURLConnection, Apache HttpClient 5 and OkHttp 5 (each on its own server port)
 * through a fixed script of successes, 4xx, 5xx, a redirect, failures and async calls. The same
 * application runs once without the agent; the callers must see the same outcomes, and every call
 * must be counted exactly once, in the series its outcome implies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpClientMetricsTest {
  private static final List<String> CLIENTS = List.of("jdk", "urlconnection", "apache", "okhttp");

  private HttpTargetServer server;
  private List<String> arguments;
  private List<String> outcomesWithoutAgent;
  private List<String> outcomesWithAgent;
  private ForkedJvm app;
  private int metricsPort;

  abstract Jdk jdk();

  @BeforeAll
  void runTheScriptWithoutAndWithTheAgent() {
    server = HttpTargetServer.start(CLIENTS.toArray(String[]::new));
    arguments = ClientScripts.arguments(server, CLIENTS);
    try (ForkedJvm alone = application(ForkedJvm.on(jdk())).start("http-clients-alone-" + jdk())) {
      outcomesWithoutAgent = ClientScripts.awaitOutcomes(alone);
    }
    metricsPort = FreePort.pick();
    app = application(ForkedJvm.on(jdk()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort)))
        .start("http-clients-" + jdk());
    outcomesWithAgent = ClientScripts.awaitOutcomes(app);
  }

  private ForkedJvm.Builder application(ForkedJvm.Builder builder) {
    return builder.classpath(System.getProperty("java.class.path"))
        .mainClass(HttpClientsApp.class.getName(), arguments.toArray(String[]::new));
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private Exposition scrape() {
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  @Test
  void everyCallGetsTheScriptedOutcome() {
    assertEquals(ClientScripts.expectedOutcomes(CLIENTS), outcomesWithoutAgent);
  }

  @Test
  void callersSeeExactlyWhatTheySeeWithoutTheAgent() {
    assertEquals(outcomesWithoutAgent, outcomesWithAgent);
  }

  @Test
  void everyCallIsCountedOnceInTheSeriesItsOutcomeImplies() {
    assertEquals(ClientScripts.expectedSeries(outcomesWithAgent, arguments), ClientScripts.scrapedSeries(scrape()),
        app.describeOutput());
  }

  @Test
  void theHistogramHasTheSemanticConventionBuckets() {
    List<Sample> buckets = scrape().samples("http_client_request_duration_seconds_bucket",
        "http_response_status_code", "200", "server_port", String.valueOf(server.port("jdk")),
        "network_protocol_version", "1.1");
    assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0",
        "7.5", "10.0", "+Inf"), buckets.stream().map(s -> s.label("le")).toList());
    assertEquals(2.0, buckets.get(buckets.size() - 1).value(), "jdk ok and async");
  }

  @Test
  void theAgentLogsNoProblem() {
    assertEquals(List.of(), app.stderrLines().stream().filter(l -> Demo.AGENT_PROBLEM.matcher(l).find()).toList());
  }
}
