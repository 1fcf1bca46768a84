package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Polling;
import io.weft.smoke.harness.otlp.OtlpMetrics;
import io.weft.smoke.harness.otlp.OtlpReceiver;
import io.weft.smoke.harness.otlp.OtlpReceiver.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A program that lives two seconds, far less than the export interval: the exit flush delivers its
 * metrics, and whatever the receiver does, the program's output, exit code and exit time stay its own
 * (within WEFT_SHUTDOWN_TIMEOUT).
 */
class OtlpExitFlushTest {

  @ParameterizedTest
  @MethodSource("io.weft.smoke.harness.Jdk#both")
  void aProgramThatExitsAfterTwoSecondsDeliversItsMetricsAtExit(Jdk jdk) {
    try (OtlpReceiver receiver = OtlpReceiver.http()) {
      ShortLivedRun run = ShortLivedRun.withAgent(jdk, "otlp-exit-flush", Map.of(
          "WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl()));

      assertEquals(ShortLivedRun.EXIT_CODE, run.exitCode());
      List<OtlpReceiver.Received> requests = receiver.requests();
      assertEquals(1, requests.size(), "one export, at exit (the interval is 60 s): " + run);
      ExportMetricsServiceRequest request = requests.get(0).request();
      assertNotNull(OtlpMetrics.find(request, "jvm.thread.count"), request.toString());
      assertEquals("io.weft.smoke.otlp.ShortLivedProgram", OtlpMetrics.resource(request).get("service.name"));
      assertEquals(List.of("working", ShortLivedProgram.EXITING + ShortLivedRun.EXIT_CODE), run.stdout());
    }
  }

  @Test
  void aHangingReceiverDelaysExitByAtMostTheShutdownTimeout() {
    try (OtlpReceiver receiver = OtlpReceiver.http(Answer.noAnswer(), Answer.noAnswer())) {
      ShortLivedRun run = ShortLivedRun.withAgent(Jdk.java17(), "otlp-exit-hang", Map.of(
          "WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(),
          "WEFT_SHUTDOWN_TIMEOUT", "1s"));

      assertEquals(ShortLivedRun.EXIT_CODE, run.exitCode());
      assertEquals(1, receiver.requests().size());
      // Without the bound the OTLP timeout (10 s) would hold the exit.
      assertTrue(run.exitDelay().compareTo(Duration.ofMillis(2500)) < 0, "exit took " + run.exitDelay());
      assertTrue(run.exitDelay().compareTo(Duration.ofMillis(900)) > 0, "the flush waited its bound: " + run);
      assertEquals(List.of("[weft] WARN the last OTLP export at exit did not reach " + receiver.metricsUrl()
          + " within WEFT_SHUTDOWN_TIMEOUT (1000 ms); the metrics since the previous export are lost"),
          run.stderr().stream().filter(line -> line.startsWith("[weft] WARN")).toList());
    }
  }

  @Test
  void aReceiverThatIsDownForTheWholeRunChangesNothingButOneWarning() {
    String endpoint = "http://127.0.0.1:" + FreePort.pick();
    ShortLivedRun alone = ShortLivedRun.withoutAgent(Jdk.java17(), "otlp-down-baseline");
    ShortLivedRun run = ShortLivedRun.withAgent(Jdk.java17(), "otlp-down", Map.of(
        "WEFT_EXPORTERS", "otlp",
        "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
        "OTEL_EXPORTER_OTLP_TIMEOUT", "300",
        "OTEL_METRIC_EXPORT_INTERVAL", "400"));

    assertEquals(alone.exitCode(), run.exitCode());
    assertEquals(alone.stdout(), run.stdout());
    assertTrue(run.exitDelay().compareTo(Duration.ofMillis(2000)) < 0, "exit took " + run.exitDelay());
    // The JVM's own note that class sharing covers less once an agent appends to the boot class path
    // comes with any agent that does so; it is not about OTLP.
    List<String> notWeft = run.stderr().stream().filter(line -> !line.startsWith("[weft] "))
        .filter(line -> !line.contains("Sharing is only supported for boot loader classes")).toList();
    assertEquals(List.of(), notWeft, "no stack traces or foreign lines on stderr");
    List<String> unreachable = run.stderr().stream()
        .filter(line -> line.startsWith("[weft] WARN cannot export metrics to the OTLP receiver at ")).toList();
    assertEquals(1, unreachable.size(), "rate-limited: " + run.stderr());
    assertEquals(1, run.stderr().stream().filter(line -> line.startsWith("[weft] WARN the last OTLP export at exit"))
        .count(), run.stderr().toString());
  }

  @Test
  void grpcGetsOneLineAndHttpProtobufIsUsed() {
    try (OtlpReceiver receiver = OtlpReceiver.http()) {
      ShortLivedRun run = ShortLivedRun.withAgent(Jdk.java17(), "otlp-grpc", Map.of(
          "WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl()));

      assertEquals(List.of("[weft] WARN OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: Weft sends OTLP over"
          + " http/protobuf only (gRPC would add 3 MB or more to the agent); using http/protobuf to "
          + receiver.metricsUrl()), run.stderr().stream().filter(line -> line.contains("grpc")).toList());
      assertEquals(1, receiver.requests().size());
      assertEquals("application/x-protobuf", receiver.requests().get(0).headers().get("content-type"));
    }
  }

  @Test
  void gzipAndAnAuthorizationHeaderArrive() {
    try (OtlpReceiver receiver = OtlpReceiver.http()) {
      ShortLivedRun.withAgent(Jdk.java17(), "otlp-gzip-headers", Map.of(
          "WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(),
          "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip",
          "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20s3cret,x-scope-orgid=payments"));

      OtlpReceiver.Received received = receiver.awaitRequests(1, Polling.SHORT).get(0);
      assertEquals("gzip", received.headers().get("content-encoding"));
      assertEquals("Bearer s3cret", received.headers().get("authorization"));
      assertEquals("payments", received.headers().get("x-scope-orgid"));
      assertNotNull(OtlpMetrics.find(received.request(), "jvm.thread.count"));
    }
  }
}
