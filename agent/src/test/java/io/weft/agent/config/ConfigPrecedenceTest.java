package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.log.WeftLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrecedenceTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void defaultAppliesWhenNothingIsSet() {
    Config config = Config.load(Map.of(), Map.of());

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals("127.0.0.1", config.get(ConfigKeys.PROMETHEUS_HOST));
    assertEquals(WeftLog.Level.INFO, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(List.of("prometheus"), config.get(ConfigKeys.EXPORTERS));
    assertEquals(2000, config.get(ConfigKeys.METRIC_SERIES_LIMIT));
    assertEquals(true, config.get(ConfigKeys.INSTRUMENTATION_JVM_ENABLED));
    assertEquals(null, config.get(ConfigKeys.SERVICE_NAME));
    assertEquals(Map.of(), config.get(ConfigKeys.RESOURCE_ATTRIBUTES));
    assertEquals("default", config.origin(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void fileBeatsDefault() throws IOException {
    Path file = yaml("prometheus.port: 9001\n");
    Config config = Config.load(Map.of(), Map.of("WEFT_CONFIG_FILE", file.toString()));

    assertEquals(9001, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals("prometheus.port in " + file, config.origin(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void environmentBeatsFile() throws IOException {
    Path file = yaml("prometheus.port: 9001\n");
    Config config = Config.load(Map.of(),
        Map.of("WEFT_CONFIG_FILE", file.toString(), "WEFT_PROMETHEUS_PORT", "9002"));

    assertEquals(9002, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals("WEFT_PROMETHEUS_PORT", config.origin(ConfigKeys.PROMETHEUS_PORT));
  }

  @Test
  void systemPropertyBeatsEnvironmentAndFile() throws IOException {
    Path file = yaml("prometheus.port: 9001\n");
    Config config = Config.load(Map.of("weft.prometheus.port", "9003"),
        Map.of("WEFT_CONFIG_FILE", file.toString(), "WEFT_PROMETHEUS_PORT", "9002"));

    assertEquals(9003, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals("-Dweft.prometheus.port", config.origin(ConfigKeys.PROMETHEUS_PORT));
  }

  @Test
  void configFileCanBeNamedBySystemPropertyWhichBeatsTheEnvironment() throws IOException {
    Path chosen = yaml("log.level: debug\n");
    Config config = Config.load(Map.of("weft.config.file", chosen.toString()),
        Map.of("WEFT_CONFIG_FILE", dir.resolve("missing.yaml").toString()));

    assertEquals(WeftLog.Level.DEBUG, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void theFileCannotNameAnotherFile() throws IOException {
    Path file = yaml("config.file: /elsewhere.yaml\n");
    Config config = Config.load(Map.of(), Map.of("WEFT_CONFIG_FILE", file.toString()));

    assertEquals(file.toString(), config.get(ConfigKeys.CONFIG_FILE));
    assertEquals(List.of("unknown setting config.file in " + file + " is ignored"), config.warnings());
  }

  @Test
  void emptyOrBlankValuesCountAsUnset() {
    Config config = Config.load(Map.of("weft.prometheus.port", ""),
        Map.of("WEFT_PROMETHEUS_PORT", "  ", "WEFT_LOG_LEVEL", "warn"));

    assertEquals(9464, config.get(ConfigKeys.PROMETHEUS_PORT));
    assertEquals("default", config.origin(ConfigKeys.PROMETHEUS_PORT));
    assertEquals(WeftLog.Level.WARN, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void valuesAreTrimmedAndCaseInsensitiveWhereWordsAreExpected() {
    Config config = Config.load(Map.of(), Map.of(
        "WEFT_LOG_LEVEL", " DEBUG ",
        "WEFT_INSTRUMENTATION_JVM_ENABLED", "False",
        "WEFT_EXPORTERS", " Prometheus "));

    assertEquals(WeftLog.Level.DEBUG, config.get(ConfigKeys.LOG_LEVEL));
    assertEquals(false, config.get(ConfigKeys.INSTRUMENTATION_JVM_ENABLED));
    assertEquals(List.of("prometheus"), config.get(ConfigKeys.EXPORTERS));
  }

  @Test
  void otelServiceNameIsAFallback() {
    Config config = Config.load(Map.of(), Map.of("OTEL_SERVICE_NAME", "orders"));

    assertEquals("orders", config.get(ConfigKeys.SERVICE_NAME));
    assertEquals("OTEL_SERVICE_NAME", config.origin(ConfigKeys.SERVICE_NAME));
  }

  @Test
  void weftServiceNameWinsOverOtel() {
    Config config = Config.load(Map.of(),
        Map.of("OTEL_SERVICE_NAME", "orders", "WEFT_SERVICE_NAME", "billing"));

    assertEquals("billing", config.get(ConfigKeys.SERVICE_NAME));
    assertEquals("WEFT_SERVICE_NAME", config.origin(ConfigKeys.SERVICE_NAME));
  }

  @Test
  void serviceNameFromTheFileAlsoWinsOverOtel() throws IOException {
    Path file = yaml("service:\n  name: from-file\n");
    Config config = Config.load(Map.of(),
        Map.of("OTEL_SERVICE_NAME", "orders", "WEFT_CONFIG_FILE", file.toString()));

    assertEquals("from-file", config.get(ConfigKeys.SERVICE_NAME));
  }

  @Test
  void otelMetricsExporterIsAFallbackAndWeftWins() {
    assertEquals(List.of(),
        Config.load(Map.of(), Map.of("OTEL_METRICS_EXPORTER", "none")).get(ConfigKeys.EXPORTERS));
    assertEquals(List.of("prometheus"), Config.load(Map.of(),
        Map.of("OTEL_METRICS_EXPORTER", "none", "WEFT_EXPORTERS", "prometheus")).get(ConfigKeys.EXPORTERS));
  }

  @Test
  void resourceAttributesMergeOtelAndWeftWithWeftWinningPerKey() {
    Config config = Config.load(Map.of(), Map.of(
        "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=prod,team=core",
        "WEFT_RESOURCE_ATTRIBUTES", "team=payments,region=eu-west-1"));

    Map<String, String> attributes = config.get(ConfigKeys.RESOURCE_ATTRIBUTES);
    assertEquals(Map.of("deployment.environment", "prod", "team", "payments", "region", "eu-west-1"), attributes);
    assertEquals(List.of("deployment.environment", "team", "region"), List.copyOf(attributes.keySet()));
    assertEquals("WEFT_RESOURCE_ATTRIBUTES + OTEL_RESOURCE_ATTRIBUTES", config.origin(ConfigKeys.RESOURCE_ATTRIBUTES));
  }

  @Test
  void otelResourceAttributesArePercentDecoded() {
    Config config = Config.load(Map.of(),
        Map.of("OTEL_RESOURCE_ATTRIBUTES", "owner=Jane%20Doe%2C%20ops,url=a+b%3D1"));

    assertEquals(Map.of("owner", "Jane Doe, ops", "url", "a+b=1"), config.get(ConfigKeys.RESOURCE_ATTRIBUTES));
  }

  @Test
  void aValidOtelAttributesValueSurvivesAnInvalidWeftOne() {
    Config config = Config.load(Map.of(), Map.of(
        "OTEL_RESOURCE_ATTRIBUTES", "team=core",
        "WEFT_RESOURCE_ATTRIBUTES", "oops"));

    assertEquals(Map.of("team", "core"), config.get(ConfigKeys.RESOURCE_ATTRIBUTES));
    assertEquals(List.of("WEFT_RESOURCE_ATTRIBUTES=oops is not valid: entry 'oops' has no '='"
        + " (accepted: key=value pairs separated by commas, values percent-encoded); ignoring it"),
        config.warnings());
  }

  @Test
  void effectiveLinesNameEverySettingWithValueAndOrigin() {
    Config config = Config.load(Map.of("weft.log.level", "debug"), Map.of("WEFT_PROMETHEUS_PORT", "0"));

    List<String> lines = config.effectiveLines();
    assertEquals(ConfigKeys.all().size(), lines.size());
    assertEquals(List.of(
        "WEFT_CONFIG_FILE=<none> (default)",
        "WEFT_LOG_LEVEL=debug (-Dweft.log.level)",
        "WEFT_SERVICE_NAME=<main class or jar name, else unknown_service:java> (default)",
        "WEFT_RESOURCE_ATTRIBUTES=<none> (default)",
        "WEFT_EXPORTERS=prometheus (default)",
        "WEFT_PROMETHEUS_HOST=127.0.0.1 (default)",
        "WEFT_PROMETHEUS_PORT=0 (WEFT_PROMETHEUS_PORT)",
        "WEFT_PROMETHEUS_WEB_CONFIG_FILE=<none> (default)",
        "WEFT_PROMETHEUS_ALLOW=<every address> (default)",
        "WEFT_PROMETHEUS_FILE_SD_DIR=<none> (default)",
        "WEFT_PROMETHEUS_FILE_SD_JOB=<the service name> (default)",
        "WEFT_OTLP_ENDPOINT=http://localhost:4318 (default)",
        "WEFT_OTLP_METRICS_ENDPOINT=<none> (default)",
        "WEFT_OTLP_PROTOCOL=http/protobuf (default)",
        "WEFT_OTLP_METRICS_PROTOCOL=<none> (default)",
        "WEFT_OTLP_HEADERS=<none> (default)",
        "WEFT_OTLP_METRICS_HEADERS=<none> (default)",
        "WEFT_OTLP_COMPRESSION=none (default)",
        "WEFT_OTLP_METRICS_COMPRESSION=<none> (default)",
        "WEFT_OTLP_TIMEOUT=10s (default)",
        "WEFT_OTLP_METRICS_TIMEOUT=<none> (default)",
        "WEFT_OTLP_CERTIFICATE=<none> (default)",
        "WEFT_OTLP_METRICS_CERTIFICATE=<none> (default)",
        "WEFT_OTLP_CLIENT_KEY=<none> (default)",
        "WEFT_OTLP_METRICS_CLIENT_KEY=<none> (default)",
        "WEFT_OTLP_CLIENT_CERTIFICATE=<none> (default)",
        "WEFT_OTLP_METRICS_CLIENT_CERTIFICATE=<none> (default)",
        "WEFT_OTLP_METRICS_TEMPORALITY_PREFERENCE=cumulative (default)",
        "WEFT_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION=explicit_bucket_histogram (default)",
        "WEFT_METRIC_EXPORT_INTERVAL=1m (default)",
        "WEFT_METRIC_EXPORT_TIMEOUT=30s (default)",
        "WEFT_SHUTDOWN_TIMEOUT=5s (default)",
        "WEFT_METRIC_SERIES_LIMIT=2000 (default)",
        "WEFT_INSTRUMENTATION_JVM_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_PROCESS_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_CONTAINER_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_HTTP_SERVER_BODY_SIZE_ENABLED=false (default)",
        "WEFT_HTTP_SERVER_ROUTES=<none> (default)",
        "WEFT_INSTRUMENTATION_EXECUTORS_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_HTTP_CLIENT_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_JDBC_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_HIKARICP_ENABLED=true (default)",
        "WEFT_INSTRUMENTATION_PROCESS_CONTEXT_SWITCHES_ENABLED=false (default)"), lines);
  }
}
