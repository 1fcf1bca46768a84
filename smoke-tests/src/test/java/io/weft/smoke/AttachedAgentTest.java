package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.OpenMetricsCheck;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Promtool;
import io.weft.smoke.harness.Sample;
import io.weft.smoke.harness.Scrape;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo with the agent attached, one JVM per JDK shared by the tests of the class: the demo
 * serves as before, the agent starts cleanly, and the scrape endpoint answers per the Prometheus
 * and OpenMetrics formats. Subclasses choose the JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AttachedAgentTest {
  private static final String SERVICE_NAME = "weft-smoke-demo";
  private static final String TEXT_004 = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  /**
   * HotSpot's own warning when an agent appends to the boot class path while class data sharing is
   * on (the default): the price of the nested bootstrap jar, printed by the JVM, not the agent.
   */
  private static final String CDS_WARNING =
      "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap"
          + " classpath has been appended";
  /** What Prometheus 2.x sends. */
  private static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
          + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  private Demo demo;
  private int metricsPort;

  abstract Jdk jdk();

  @BeforeAll
  void startDemoWithAgent() {
    metricsPort = FreePort.pick();
    demo = Demo.start(
        ForkedJvm.on(jdk())
            .javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("OTEL_SERVICE_NAME", SERVICE_NAME),
        "attached-" + jdk());
  }

  @AfterAll
  void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void demoEndpointsAnswerAsWithoutTheAgent() {
    DemoEndpoints.assertAllAnswer(demo);
  }

  @Test
  void agentLogsOneStartUpLineWithVersionAndScrapeAddress() {
    String line = demo.awaitAgentStarted();
    assertEquals(List.of(line), demo.stderrMatching(Demo.AGENT_STARTED));
    assertTrue(line.startsWith("[weft] INFO Weft " + BuildArtifacts.version() + " started: "), line);
    assertTrue(line.contains("127.0.0.1:" + metricsPort), "start-up line must say where metrics are served: " + line);
  }

  @Test
  void cleanStartWritesOnlyAgentInfoLinesToStderr() {
    demo.awaitAgentStarted();
    List<String> others = demo.jvm().stderrLines().stream()
        .filter(line -> !line.startsWith("[weft] INFO ") && !line.startsWith("[weft] DEBUG "))
        .filter(line -> !line.equals(CDS_WARNING))
        .toList();
    assertEquals(List.of(), others, "stderr lines other than the agent's info lines");
  }

  @Test
  void metricsAnswersInTextFormat004ByDefault() {
    Scrape.Response response = metrics("/metrics");
    assertEquals(200, response.status());
    assertEquals(TEXT_004, response.header("Content-Type"));
    Exposition parsed = Exposition.parse(response.text());
    assertEquals("gauge", parsed.families().get("target_info").type());
  }

  @Test
  void targetInfoDescribesThisProcess() {
    Sample info = Exposition.parse(metrics("/metrics").text()).only("target_info");
    assertEquals(1.0, info.value());
    assertEquals(SERVICE_NAME, info.label("service_name"));
    assertEquals("weft", info.label("telemetry_sdk_name"));
    assertEquals(String.valueOf(demo.jvm().pid()), info.label("process_pid"));
  }

  @Test
  void textFormatPassesPromtoolAfterTrafficOnEveryEndpoint() {
    DemoEndpoints.assertAllAnswer(demo);
    Promtool.assertPasses(metrics("/metrics").text());
  }

  @Test
  void absentAttributesAreLeftOutNotWrittenAsEmptyLabels() {
    DemoEndpoints.assertAllAnswer(demo);
    Exposition e = Exposition.parse(metrics("/metrics").text());
    List<Sample> withEmptyLabel = e.samples().stream()
        .filter(s -> s.labels().containsValue("")).toList();
    assertEquals(List.of(), withEmptyLabel);
    Sample hello = e.only("http_server_request_duration_seconds_count", "http_route", "/hello");
    assertEquals(null, hello.label("error_type"), "a successful request has no error_type");
    assertEquals("200", hello.label("http_response_status_code"));
    Sample fail = e.only("http_server_request_duration_seconds_count", "http_route", "/fail");
    assertEquals("500", fail.label("error_type"));
  }

  @Test
  void openMetricsWhenAcceptedHasTheSameFamilies() {
    DemoEndpoints.assertAllAnswer(demo);
    Set<String> before = asOpenMetricsFamilies(Exposition.parse(metrics("/metrics").text()));
    Scrape.Response response = metrics("/metrics", "Accept", OPENMETRICS);
    Set<String> after = asOpenMetricsFamilies(Exposition.parse(metrics("/metrics").text()));

    assertEquals(200, response.status());
    assertEquals(OPENMETRICS, response.header("Content-Type"));
    Exposition openMetrics = OpenMetricsCheck.assertValid(response.text());
    Set<String> families = new TreeSet<>(openMetrics.families().keySet());
    assertTrue(families.containsAll(before), "missing in OpenMetrics: " + diff(before, families));
    assertTrue(after.containsAll(families), "only in OpenMetrics: " + diff(families, after));
    assertEquals("info", openMetrics.families().get("target").type());
    assertEquals(String.valueOf(demo.jvm().pid()), openMetrics.only("target_info").label("process_pid"));
  }

  @Test
  void prometheusOwnAcceptHeaderGetsOpenMetrics() {
    Scrape.Response response = metrics("/metrics", "Accept", PROMETHEUS_ACCEPT);
    assertEquals(200, response.status());
    assertEquals(OPENMETRICS, response.header("Content-Type"));
    OpenMetricsCheck.assertValid(response.text());
  }

  @Test
  void gzipWhenAccepted() {
    Scrape.Response response = metrics("/metrics", "Accept-Encoding", "gzip");
    assertEquals(200, response.status());
    assertEquals("gzip", response.header("Content-Encoding"));
    assertEquals(TEXT_004, response.header("Content-Type"));
    Sample info = Exposition.parse(response.gunzippedText()).only("target_info");
    assertEquals(String.valueOf(demo.jvm().pid()), info.label("process_pid"));
  }

  @Test
  void healthCheckAnswers200() {
    assertEquals(200, metrics("/-/healthy").status());
  }

  @Test
  void unknownPathIs404() {
    assertEquals(404, metrics("/nope").status());
  }

  @Test
  void postToMetricsIs405() {
    awaitEndpoint();
    assertEquals(405, Scrape.send("POST", metricsUri("/metrics")).status());
  }

  @Test
  void nameFilterKeepsOnlyTheNamedFamilies() {
    metrics("/metrics"); // so that the scrape-duration histogram has an observation
    Scrape.Response response = metrics("/metrics?name%5B%5D=target_info&name%5B%5D=weft_scrape_duration_seconds");
    assertEquals(200, response.status());
    Exposition parsed = Exposition.parse(response.text());
    assertEquals(
        Set.of("target_info", "weft_scrape_duration_seconds_bucket", "weft_scrape_duration_seconds_count",
            "weft_scrape_duration_seconds_sum"),
        parsed.sampleNames());
  }

  @Test
  void selfMetricsCountScrapesByStatus() {
    String requests = "weft_scrape_requests_total";
    String status = "http_response_status_code";
    Exposition first = Exposition.parse(metrics("/metrics").text());
    awaitEndpoint();
    assertEquals(405, Scrape.send("POST", metricsUri("/metrics")).status());
    Exposition second = Exposition.parse(metrics("/metrics").text());
    Exposition third = Exposition.parse(metrics("/metrics").text());

    assertEquals("counter", second.families().get(requests).type());
    assertEquals(first.valueOrZero(requests, status, "200") + 1, second.valueOrZero(requests, status, "200"));
    assertEquals(first.valueOrZero(requests, status, "405") + 1, second.valueOrZero(requests, status, "405"));
    // Between two scrapes with nothing else in between, exactly one scrape was timed.
    assertEquals(
        totalCount(second, "weft_scrape_duration_seconds") + 1, totalCount(third, "weft_scrape_duration_seconds"));
  }

  @Test
  void jvmMemoryUsedIsExposedPerPool() {
    Exposition parsed = Exposition.parse(metrics("/metrics").text());
    assertEquals("gauge", parsed.families().get("jvm_memory_used_bytes").type());
    List<Sample> heap = parsed.samples("jvm_memory_used_bytes", "jvm_memory_type", "heap");
    assertTrue(!heap.isEmpty(), "no heap pools in jvm_memory_used_bytes");
    assertTrue(heap.stream().allMatch(s -> s.label("jvm_memory_pool_name") != null), heap.toString());
    assertTrue(heap.stream().mapToDouble(Sample::value).sum() > 0, heap.toString());
  }

  private Scrape.Response metrics(String pathAndQuery, String... headers) {
    awaitEndpoint();
    return Scrape.get(metricsUri(pathAndQuery), headers);
  }

  private void awaitEndpoint() {
    Scrape.awaitListening(metricsPort, Polling.SHORT);
  }

  private URI metricsUri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + metricsPort + pathAndQuery);
  }

  private static double totalCount(Exposition parsed, String histogram) {
    return parsed.samples(histogram + "_count").stream().mapToDouble(Sample::value).sum();
  }

  /** Text-format family names as OpenMetrics names them: counters drop _total, target_info is info "target". */
  private static Set<String> asOpenMetricsFamilies(Exposition text) {
    return text.families().values().stream()
        .map(f -> "counter".equals(f.type()) && f.name().endsWith("_total")
            ? f.name().substring(0, f.name().length() - "_total".length())
            : f.name().equals("target_info") ? "target" : f.name())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> diff(Set<String> a, Set<String> b) {
    Set<String> result = new TreeSet<>(a);
    result.removeAll(b);
    return result;
  }

}
