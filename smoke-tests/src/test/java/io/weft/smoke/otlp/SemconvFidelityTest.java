package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.Scrape;
import io.weft.smoke.harness.otlp.OtlpMetrics;
import io.weft.smoke.harness.otlp.OtlpReceiver;
import io.weft.smoke.harness.otlp.SeriesShapeComparison;
import io.weft.smoke.harness.otlp.TypedSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Semantic-convention fidelity against the OpenTelemetry Java agent: the demo runs once with Weft and once
 * with the OpenTelemetry Java agent (database metrics opted in), each pushing OTLP to its own receiver,
 * and gets the same scripted requests. For the HTTP server, HTTP client and JDBC duration histograms,
 * series matched between the two must have the same attribute keys with the same value types, and no Weft
 * attribute may be an empty string. Values are only used to match series, never compared.
 *
 * <p>Each test's failure message (and {@code target/smoke-logs/semconv-fidelity.txt}) lists, per series,
 * the keys only Weft sends, the keys only the OpenTelemetry agent sends and the types that differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemconvFidelityTest {
  private static final String SERVER = "http.server.request.duration";
  private static final String CLIENT = "http.client.request.duration";
  private static final String DATABASE = "db.client.operation.duration";
  private static final List<String> COMPARED = List.of(SERVER, CLIENT, DATABASE);

  /** Path and the status the demo answers it with; each is requested {@link #ROUNDS} times. */
  private static final Map<String, Integer> SCRIPT = script();
  private static final int ROUNDS = 2;

  private ExportMetricsServiceRequest weft;
  private ExportMetricsServiceRequest otel;

  private static Map<String, Integer> script() {
    Map<String, Integer> script = new LinkedHashMap<>();
    script.put("/hello", 200);
    script.put("/users/2", 200);
    script.put("/users/99", 404);
    script.put("/users/abc", 400);
    script.put("/work", 200);
    script.put("/outbound", 200);
    script.put("/fail", 500);
    return script;
  }

  @BeforeAll
  void runTheDemoWithEachAgent() throws IOException {
    Files.deleteIfExists(report());
    weft = exportAfterScript("semconv-weft", builder -> builder.javaagent(BuildArtifacts.agentJar()));
    otel = exportAfterScript("semconv-otel", builder -> builder.javaagent(BuildArtifacts.otelJavaagentJar())
        .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .env("OTEL_TRACES_EXPORTER", "none")
        .env("OTEL_LOGS_EXPORTER", "none")
        // db.client.operation.duration is emitted only with the stable database conventions opted in.
        .env("OTEL_SEMCONV_STABILITY_OPT_IN", "database"));
  }

  @Test
  void httpServerSeriesHaveTheOpenTelemetryAgentsKeysAndTypes() {
    assertSameShapes(SERVER, List.of("http.request.method", "http.route", "http.response.status_code"));
  }

  @Test
  void httpClientSeriesHaveTheOpenTelemetryAgentsKeysAndTypes() {
    assertSameShapes(CLIENT, List.of("http.request.method", "server.address", "http.response.status_code"));
  }

  @Test
  void jdbcSeriesHaveTheOpenTelemetryAgentsKeysAndTypes() {
    // Matched on the summary: with the stable database conventions the OpenTelemetry agent sends it and
    // neither db.operation.name nor db.collection.name for SQL, whose queries may span several tables.
    assertSameShapes(DATABASE, List.of("db.query.summary"));
  }

  private void assertSameShapes(String metric, List<String> matchKeys) {
    List<TypedSeries> weftSeries = TypedSeries.of(weft, metric);
    List<TypedSeries> otelSeries = TypedSeries.of(otel, metric);
    assertFalse(otelSeries.isEmpty(), "the OpenTelemetry agent sent no " + metric + "; it sent " + names(otel));
    assertFalse(weftSeries.isEmpty(), "Weft sent no " + metric + "; it sent " + names(weft));
    SeriesShapeComparison comparison = SeriesShapeComparison.of(metric, weftSeries, otelSeries, matchKeys);
    keep(comparison.report());
    assertEquals(0, comparison.differences(), "\n" + comparison.report() + "\n");
  }

  /**
   * Starts the demo with one agent pushing to a fresh receiver every 500 ms, requests every scripted path
   * {@link #ROUNDS} times, and returns an export collected after the last answer that holds all compared
   * metrics.
   */
  private static ExportMetricsServiceRequest exportAfterScript(String name, UnaryOperator<ForkedJvm.Builder> agent) {
    try (OtlpReceiver receiver = OtlpReceiver.http();
        Demo demo = Demo.start(agent.apply(ForkedJvm.on(Jdk.java17()))
            .env("OTEL_METRICS_EXPORTER", "otlp")
            .env("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl())
            .env("OTEL_METRIC_EXPORT_INTERVAL", "500")
            .env("OTEL_SERVICE_NAME", "semconv-demo"), name)) {
      for (int round = 0; round < ROUNDS; round++) {
        SCRIPT.forEach((path, status) -> assertEquals(status, Scrape.get(demo.uri(path)).status(), name + " " + path));
      }
      long answered = System.nanoTime();
      long deadline = answered + Polling.SHORT.toNanos();
      ExportMetricsServiceRequest latest = null;
      while (System.nanoTime() - deadline < 0) {
        // The second export received after the last answer was collected after it, whatever the timing.
        List<OtlpReceiver.Received> after = receiver.awaitRequests(receiver.requests().size() + 1, Polling.SHORT)
            .stream().filter(received -> received.nanos() - answered > 0).toList();
        if (after.size() < 2) {
          continue;
        }
        latest = after.get(after.size() - 1).request();
        if (names(latest).containsAll(COMPARED)) {
          return latest;
        }
      }
      return Assertions.fail(name + ": no export with all of " + COMPARED + " within " + Polling.SHORT
          + "; the last had " + (latest == null ? "nothing" : names(latest)) + "\n" + demo.jvm().describeOutput());
    }
  }

  private static Set<String> names(ExportMetricsServiceRequest request) {
    Set<String> names = new TreeSet<>();
    OtlpMetrics.metrics(request).forEach(metric -> names.add(metric.getName()));
    return names;
  }

  private static Path report() {
    return BuildArtifacts.logDirectory().resolve("semconv-fidelity.txt");
  }

  /** Appends the report to the smoke logs, where it stays when the test passes too. */
  private static void keep(String report) {
    Path file = report();
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, report + "\n\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
