package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Sample;
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

  private ClientRuns runs;

  abstract Jdk jdk();

  @BeforeAll
  void runTheScriptWithoutAndWithTheAgent() {
    runs = ClientRuns.start(jdk(), System.getProperty("java.class.path"), CLIENTS, "http-clients");
  }

  @AfterAll
  void stop() {
    if (runs != null) {
      runs.close();
    }
  }

  @Test
  void everyCallGetsTheScriptedOutcome() {
    assertEquals(ClientScripts.expectedOutcomes(CLIENTS), ClientScripts.withoutMessages(runs.outcomesWithoutAgent()));
  }

  @Test
  void callersSeeExactlyWhatTheySeeWithoutTheAgent() {
    assertEquals(ClientScripts.comparable(runs.outcomesWithoutAgent()),
        ClientScripts.comparable(runs.outcomesWithAgent()));
  }

  @Test
  void everyCallIsCountedOnceInTheSeriesItsOutcomeImplies() {
    assertEquals(ClientScripts.expectedSeries(runs.outcomesWithAgent(), runs.arguments()),
        ClientScripts.scrapedSeries(runs.scrape()), runs.app().describeOutput());
  }

  @Test
  void theHistogramHasTheSemanticConventionBuckets() {
    List<Sample> buckets = runs.scrape().samples("http_client_request_duration_seconds_bucket",
        "http_response_status_code", "200", "server_port", String.valueOf(runs.server().port("jdk")),
        "network_protocol_version", "1.1");
    assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0",
        "7.5", "10.0", "+Inf"), buckets.stream().map(s -> s.label("le")).toList());
    assertEquals(2.0, buckets.get(buckets.size() - 1).value(), "jdk ok and async");
  }

  @Test
  void theAgentLogsNoProblem() {
    assertEquals(List.of(),
        runs.app().stderrLines().stream().filter(l -> Demo.AGENT_PROBLEM.matcher(l).find()).toList());
  }
}
