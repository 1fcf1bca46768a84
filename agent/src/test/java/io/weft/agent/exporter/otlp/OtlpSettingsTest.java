package io.weft.agent.exporter.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.agent.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpSettingsTest {

  private static OtlpSettings settings(Map<String, String> environment) {
    return OtlpSettings.from(Config.load(Map.of(), environment));
  }

  @Test
  void defaultsFollowTheSpecification() {
    OtlpSettings settings = settings(Map.of());

    assertEquals("http://localhost:4318/v1/metrics", settings.endpoint());
    assertEquals(Map.of(), settings.headers());
    assertFalse(settings.gzip());
    assertEquals(Duration.ofSeconds(10), settings.timeout());
    assertNull(settings.certificate());
    assertEquals(Temporality.CUMULATIVE, settings.temporality());
    assertEquals(Duration.ofSeconds(60), settings.interval());
    assertEquals(Duration.ofSeconds(30), settings.exportTimeout());
    assertEquals(Duration.ofSeconds(5), settings.shutdownTimeout());
    assertEquals(List.of(), settings.warnings());
  }

  @Test
  void theGeneralEndpointGetsTheMetricsPathAndTheMetricsEndpointIsUsedAsIs() {
    assertEquals("http://collector:4318/v1/metrics",
        settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")).endpoint());
    assertEquals("https://gateway/otlp/v1/metrics",
        settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://gateway/otlp/")).endpoint());
    assertEquals("http://collector:4318/custom",
        settings(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://other:4318",
            "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://collector:4318/custom")).endpoint());
  }

  @Test
  void weftSettingsWinOverOpenTelemetryOnesAndMetricsOnesOverGeneralOnes() {
    Map<String, String> all = Map.of(
        "WEFT_OTLP_METRICS_ENDPOINT", "http://weft-metrics/x",
        "WEFT_OTLP_ENDPOINT", "http://weft-general",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://otel-metrics/y",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-general");
    assertEquals("http://weft-metrics/x", settings(all).endpoint());

    Map<String, String> withoutWeftMetrics = new java.util.HashMap<>(all);
    withoutWeftMetrics.remove("WEFT_OTLP_METRICS_ENDPOINT");
    assertEquals("http://weft-general/v1/metrics", settings(withoutWeftMetrics).endpoint(),
        "a Weft setting beats even the more specific OpenTelemetry variable");

    assertEquals(Duration.ofMillis(2500), settings(Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "1000",
        "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", "2500")).timeout(), "a bare number is milliseconds");
    assertEquals(Map.of("authorization", "Bearer weft"), settings(Map.of(
        "OTEL_EXPORTER_OTLP_METRICS_HEADERS", "authorization=Bearer%20otel,x-tenant=a",
        "WEFT_OTLP_HEADERS", "authorization=Bearer%20weft")).headers(), "headers replace, they do not merge");
    assertTrue(settings(Map.of("OTEL_EXPORTER_OTLP_COMPRESSION", "none",
        "OTEL_EXPORTER_OTLP_METRICS_COMPRESSION", "GZIP")).gzip());
  }

  @Test
  void temporalityIntervalAndTimeoutsComeFromTheirVariables() {
    OtlpSettings settings = settings(Map.of(
        "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "LowMemory",
        "OTEL_METRIC_EXPORT_INTERVAL", "1500",
        "OTEL_METRIC_EXPORT_TIMEOUT", "700",
        "WEFT_SHUTDOWN_TIMEOUT", "2s"));

    assertEquals(Temporality.LOWMEMORY, settings.temporality());
    assertEquals(Duration.ofMillis(1500), settings.interval());
    assertEquals(Duration.ofMillis(700), settings.exportTimeout());
    assertEquals(Duration.ofSeconds(2), settings.shutdownTimeout());
  }

  @Test
  void grpcGetsOneLineNamingHttpProtobuf() {
    OtlpSettings settings = settings(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));

    assertEquals(List.of("OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: Weft sends OTLP over http/protobuf"
        + " only (gRPC would add 3 MB or more to the agent); using http/protobuf to http://collector:4318/v1/metrics"),
        settings.warnings());
    assertEquals("http://collector:4318/v1/metrics", settings.endpoint());
    assertEquals(List.of(), settings(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
        "WEFT_OTLP_METRICS_PROTOCOL", "http/protobuf")).warnings());
  }

  @Test
  void exponentialHistogramsAreNoLongerAWarning() {
    assertEquals(List.of(), settings(Map.of("OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION",
        "base2_exponential_bucket_histogram")).warnings());
  }

  @Test
  void invalidValuesGetOneLineEachAndTheDefaultApplies() {
    Config config = Config.load(Map.of(), Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318",
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json",
        "OTEL_EXPORTER_OTLP_COMPRESSION", "zstd",
        "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE", "sometimes",
        "OTEL_METRIC_EXPORT_INTERVAL", "-5"));
    OtlpSettings settings = OtlpSettings.from(config);

    assertEquals(List.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT=collector:4318 is not valid: the scheme must be http or https"
            + " (accepted: an http:// or https:// URL); using the default http://localhost:4318",
        "OTEL_EXPORTER_OTLP_PROTOCOL=http/json is not valid (accepted: http/protobuf|grpc); using the default"
            + " http/protobuf",
        "OTEL_EXPORTER_OTLP_COMPRESSION=zstd is not valid (accepted: gzip|none); using the default none",
        "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=sometimes is not valid (accepted:"
            + " cumulative|delta|lowmemory); using the default cumulative",
        "OTEL_METRIC_EXPORT_INTERVAL=-5 is not valid (accepted: a duration from 100ms to 24h written as 500ms, 10s,"
            + " 5m or 1h (a bare number is milliseconds)); using the default 1m"), config.warnings());
    assertEquals("http://localhost:4318/v1/metrics", settings.endpoint());
    assertFalse(settings.gzip());
    assertEquals(Temporality.CUMULATIVE, settings.temporality());
    assertEquals(Duration.ofSeconds(60), settings.interval());
    assertEquals(List.of(), settings.warnings());
  }
}
