package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.RawHttp;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.Scrape;
import io.weft.smoke.harness.ServletApp;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP server metrics for a servlet container, through the built agent: the scripted application
 * ({@code io.weft.smoke.servlet}) in one forked JVM, a scripted set of requests, then exact counts
 * per (method, route, status, error type) read from {@code /metrics}. Subclasses name the container
 * and the JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServletContainerMetricsTest {
  private static final String DURATION = "http_server_request_duration_seconds";
  private static final int USERS = 1000;
  private static final int ECHO_BYTES = 100;

  private ServletApp app;
  private int metricsPort;
  /** Every request sent: what the client saw, the expected series. */
  private final List<Sent> sent = new ArrayList<>();

  /** One request and the series it must land in. */
  private record Sent(String method, String route, int status, String errorType) {}

  abstract Jdk jdk();

  /** The launcher's class name in {@code io.weft.smoke.servlet}. */
  abstract String mainClass();

  /** The forked JVM's class path: the test classes and this container only. */
  abstract String classpath();

  /**
   * The servlet classes the agent rewrites in this container (the debug line {@code instrumented
   * <class>}): its filter chain and {@code HttpServlet}.
   */
  abstract List<String> instrumentedClasses();

  /**
   * Whether {@code getHeader("Content-Length")} shows a length set with {@code setContentLength}
   * before the response is committed (Tomcat 9 adds the header only when it commits).
   */
  boolean showsContentLengthBeforeCommit() {
    return true;
  }

  @BeforeAll
  void startAppAndSendRequests() {
    metricsPort = FreePort.pick();
    app = ServletApp.start(
        ForkedJvm.on(jdk()).javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_HTTP_SERVER_ROUTES", "/app/users/{id}")
            .env("WEFT_INSTRUMENTATION_HTTP_SERVER_BODY_SIZE_ENABLED", "true")
            .env("WEFT_LOG_LEVEL", "debug")
            .classpath(classpath())
            .mainClass("io.weft.smoke.servlet." + mainClass()),
        getClass().getSimpleName());
    app.awaitAgentStarted();

    for (int i = 0; i < 3; i++) {
      get("/app/hello", "/app/hello", 200, "");
    }
    expect("HEAD", "/app/hello", Scrape.send("HEAD", app.uri("/app/hello")).status(), 200, "");
    expect("_OTHER", "/app/hello", RawHttp.status(app.port(), "FOO /app/hello HTTP/1.1"), 501, "501");
    get("/app/no/such/page", "/app/*", 404, "");
    for (int i = 0; i < 2; i++) {
      get("/app/fail", "/app/fail", 500, "java.lang.IllegalStateException");
    }
    get("/app/forward", "/app/forward", 200, "");
    get("/app/include", "/app/include", 200, "");
    get("/app/async", "/app/async", 200, "");
    // Timed out by the container, which then answers 500 itself.
    get("/app/async-timeout", "/app/async-timeout", 500, "500");
    // Dispatched to /fail on the container's thread, which throws.
    get("/app/async-dispatch-fail", "/app/async-dispatch-fail", 500, "java.lang.IllegalStateException");
    for (int i = 1; i <= USERS; i++) {
      get("/app/users/" + i, "/app/users/{id}", 200, "");
    }
    get("/app/users/1/orders", "/app/users/*", 200, "");
    get("/app/spring/items/7", "/app/spring/items/{id}", 200, "");
    get("/app/blocked", "/app/blocked", 403, "");
    Scrape.Response echo = Scrape.send("POST", app.uri("/app/echo"), new byte[ECHO_BYTES]);
    expect("POST", "/app/echo", echo.status(), 200, "");
    assertEquals(ECHO_BYTES, echo.body().length);
  }

  @AfterAll
  void stopApp() {
    if (app != null) {
      app.close();
    }
  }

  private void get(String path, String route, int status, String errorType) {
    expect("GET", route, Scrape.get(app.uri(path)).status(), status, errorType);
  }

  /** The client saw {@code status} as {@code expectedStatus}: the application behaves as without the agent. */
  private void expect(String method, String route, int status, int expectedStatus, String errorType) {
    assertEquals(expectedStatus, status, method + " " + route + ": " + app.jvm().describeOutput());
    sent.add(new Sent(method, route, status, errorType));
  }

  private Exposition scrape() {
    Scrape.Response r = Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    assertEquals(200, r.status());
    Promtool.assertPasses(r.text());
    return Exposition.parse(r.text());
  }

  /** A scrape once every request is recorded: async ones are recorded as their listener completes. */
  private Exposition scrapeWhenAllRecorded() {
    long deadline = System.nanoTime() + Polling.SHORT.toNanos();
    while (true) {
      Exposition e = scrape();
      double total = e.samples(DURATION + "_count").stream().mapToDouble(Sample::value).sum();
      if (total >= sent.size() || System.nanoTime() > deadline) {
        return e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        fail(ex);
      }
    }
  }

  private static double count(Exposition e, String method, int status, String route, String errorType) {
    return e.valueOrZero(DURATION + "_count", "http_request_method", method,
        "http_response_status_code", String.valueOf(status), "http_route", route, "url_scheme", "http",
        "network_protocol_version", "1.1", "error_type", errorType);
  }

  @Test
  void countsEachRequestOnceByMethodRouteStatusAndErrorType() {
    Exposition e = scrapeWhenAllRecorded();
    Map<Sent, Integer> expected = new HashMap<>();
    sent.forEach(s -> expected.merge(s, 1, Integer::sum));
    expected.forEach((s, n) -> assertEquals((double) n, count(e, s.method, s.status, s.route, s.errorType),
        s + " in " + e.samples(DURATION + "_count")));
    double total = e.samples(DURATION + "_count").stream().mapToDouble(Sample::value).sum();
    assertEquals(sent.size(), total, "no request was measured twice or left out: " + e.samples(DURATION + "_count"));
  }

  static boolean isJdkClass(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
        || className.startsWith("com.sun.");
  }

  @Test
  void rewritesTheContainersFilterChainAndHttpServletOnly() {
    String prefix = "[weft] DEBUG instrumented ";
    // Left out: the JDK server's chain (the agent's own scrape endpoint loads it when first scraped) and
    // the JDK classes other families rewrite (executors, HTTP clients).
    List<String> instrumented = app.jvm().stderrLines().stream().filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length())).filter(c -> !isJdkClass(c)).sorted()
        .toList();
    assertEquals(instrumentedClasses().stream().sorted().toList(), instrumented);
  }

  @Test
  void oneThousandRawPathsUnderAConfiguredTemplateMakeOneSeries() {
    List<Sample> users = scrapeWhenAllRecorded().samples(DURATION + "_count", "http_request_method", "GET",
        "http_response_status_code", "200");
    List<Sample> userSeries = users.stream().filter(s -> s.label("http_route").startsWith("/app/users")).toList();
    assertEquals(List.of("/app/users/*", "/app/users/{id}"),
        userSeries.stream().map(s -> s.label("http_route")).sorted().toList());
  }

  @Test
  void activeRequestsReturnToZero() {
    Exposition e = scrapeWhenAllRecorded();
    List<Sample> active = e.samples("http_server_active_requests");
    assertFalse(active.isEmpty());
    for (Sample s : active) {
      assertEquals(0.0, s.value(), s.toString());
    }
  }

  @Test
  void bodySizesAreTheDeclaredContentLengths() {
    Exposition e = scrapeWhenAllRecorded();
    // HttpClient declares Content-Length: 0 on its GETs; only the POST declared a body.
    assertEquals(ECHO_BYTES, e.samples("http_server_request_body_size_bytes_sum").stream().mapToDouble(Sample::value).sum());
    assertEquals(1.0, e.only("http_server_request_body_size_bytes_count", "http_route", "/app/echo").value());
    assertEquals(ECHO_BYTES, e.only("http_server_request_body_size_bytes_sum", "http_route", "/app/echo").value());
    assertEquals(1.0, e.only("http_server_response_body_size_bytes_count", "http_route", "/app/echo").value());
    assertEquals(ECHO_BYTES, e.only("http_server_response_body_size_bytes_sum", "http_route", "/app/echo").value());
    // /app/hello sets its length and returns without flushing; /app/echo flushes (commits) first.
    assertEquals(showsContentLengthBeforeCommit() ? 3.0 : 0.0, e.valueOrZero("http_server_response_body_size_bytes_count",
        "http_route", "/app/hello", "http_request_method", "GET"));
    // A HEAD response declares the length of a body it does not send: not recorded.
    assertEquals(List.of(), e.samples("http_server_response_body_size_bytes_count", "http_request_method", "HEAD"));
  }
}
