package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.RawHttp;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.Scrape;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP server metrics for the JDK HttpServer, through the built agent on the demo: a scripted set of
 * requests, then exact counts per (method, route, status) read from {@code /metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdkHttpServerMetricsTest {
  private static final String DURATION = "http_server_request_duration_seconds";

  private Demo demo;
  private int metricsPort;
  /** status -> responses the client saw for GET /users/{i}, i = 1..1000. */
  private final Map<Integer, Integer> userStatuses = new TreeMap<>();
  private int helloHeadStatus;
  private int otherMethodStatus;

  abstract Jdk jdk();

  @BeforeAll
  void startDemoAndSendRequests() throws IOException {
    metricsPort = FreePort.pick();
    demo = Demo.start(
        ForkedJvm.on(jdk()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_HTTP_SERVER_ROUTES", "/users/{id}")
            .env("WEFT_INSTRUMENTATION_HTTP_SERVER_BODY_SIZE_ENABLED", "true"),
        "http-server-" + jdk());
    demo.awaitAgentStarted();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, Scrape.get(demo.uri("/hello")).status());
    }
    helloHeadStatus = Scrape.send("HEAD", demo.uri("/hello")).status();
    otherMethodStatus = RawHttp.status(demo.port(), "FOO /hello HTTP/1.1");
    for (int i = 1; i <= 1000; i++) {
      userStatuses.merge(Scrape.get(demo.uri("/users/" + i)).status(), 1, Integer::sum);
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(500, Scrape.get(demo.uri("/fail")).status());
    }
    // The handler's exception reaches the server, which closes the connection: the client gets no
    // response, exactly as without the agent. (A raw socket: HttpClient would retry the GET once.)
    assertEquals("", RawHttp.exchange(demo.port(), "GET /crash HTTP/1.1"));
  }

  @AfterAll
  void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  private Exposition scrape() {
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  private static double count(Exposition e, String method, int status, String route, String errorType) {
    return e.valueOrZero(DURATION + "_count", "http_request_method", method,
        "http_response_status_code", String.valueOf(status), "http_route", route, "url_scheme", "http",
        "network_protocol_version", "1.1", "error_type", errorType);
  }

  @Test
  void countsEachRequestOnceByMethodRouteAndStatus() {
    Exposition e = scrape();
    assertEquals(3.0, count(e, "GET", 200, "/hello", ""));
    assertEquals(1.0, count(e, "HEAD", helloHeadStatus, "/hello", ""));
    assertEquals(1.0, count(e, "_OTHER", otherMethodStatus, "/hello", ""));
    assertEquals(2.0, count(e, "GET", 500, "/fail", "500"));
    assertEquals(1.0, count(e, "GET", 500, "/crash", "java.lang.IllegalStateException"));
    userStatuses.forEach((status, n) ->
        assertEquals((double) n, count(e, "GET", status, "/users/{id}", status >= 500 ? String.valueOf(status) : "")));
    double total = e.samples(DURATION + "_count").stream().mapToDouble(Sample::value).sum();
    assertEquals(3 + 1 + 1 + 2 + 1 + 1000, total, "no other request was measured: " + e.samples(DURATION + "_count"));
  }

  @Test
  void oneThousandRawPathsUnderAConfiguredTemplateMakeOneSeriesPerStatus() {
    Exposition e = scrape();
    List<Sample> users = e.samples(DURATION + "_count", "http_route", "/users/{id}");
    assertEquals(userStatuses.size(), users.size(), users.toString());
    assertEquals(List.of(), e.samples(DURATION + "_count", "http_route", "/users/"),
        "the configured template wins over the context path");
  }

  @Test
  void responseBodySizesAreTheDeclaredContentLengths() {
    Exposition e = scrape();
    // "hello\n", declared by sendResponseHeaders(200, 6); the HEAD response's is not recorded.
    assertEquals(3.0, e.only("http_server_response_body_size_bytes_count", "http_route", "/hello",
        "http_request_method", "GET").value());
    assertEquals(18.0, e.only("http_server_response_body_size_bytes_sum", "http_route", "/hello",
        "http_request_method", "GET").value());
    assertEquals(List.of(), e.samples("http_server_response_body_size_bytes_count", "http_request_method", "HEAD"));
    // HttpClient declares Content-Length: 0 on its GETs; no request declared a body.
    assertEquals(0.0, e.samples("http_server_request_body_size_bytes_sum").stream().mapToDouble(Sample::value).sum());
  }

  @Test
  void histogramBucketsAreTheSemanticConventionOnes() {
    List<Sample> buckets = scrape().samples(DURATION + "_bucket", "http_route", "/hello", "http_request_method", "GET");
    assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5", "5.0",
        "7.5", "10.0", "+Inf"), buckets.stream().map(s -> s.label("le")).toList());
    assertEquals(3.0, buckets.get(buckets.size() - 1).value());
  }

  @Test
  void activeRequestsReturnToZero() {
    Exposition e = scrape();
    List<Sample> active = e.samples("http_server_active_requests");
    assertTrue(!active.isEmpty());
    for (Sample s : active) {
      assertEquals(0.0, s.value(), s.toString());
    }
  }

  @Test
  void scrapesOfTheAgentsOwnEndpointAreNotMeasured() {
    scrape();
    scrape();
    assertEquals(List.of(), scrape().samples(DURATION + "_count", "http_route", "/metrics"));
  }
}
