package io.weft.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.agent.config.Config;
import io.weft.agent.config.LogCapture;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentStartupTest {

  @Test
  void histogramsRecordExponentialBucketsOnlyWhenOtlpIsOnAndAsksForThem() {
    String key = "OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION";
    String base2 = "base2_exponential_bucket_histogram";
    assertTrue(AgentStartup.exponentialHistograms(Config.load(Map.of(), Map.of("WEFT_EXPORTERS", "prometheus,otlp",
        key, base2))));
    assertTrue(AgentStartup.exponentialHistograms(Config.load(Map.of(), Map.of("WEFT_EXPORTERS", "otlp",
        "WEFT_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION", base2))));
    assertFalse(AgentStartup.exponentialHistograms(Config.load(Map.of(), Map.of("WEFT_EXPORTERS", "prometheus",
        key, base2))));
    assertFalse(AgentStartup.exponentialHistograms(Config.load(Map.of(), Map.of("WEFT_EXPORTERS", "otlp"))));
    assertFalse(AgentStartup.exponentialHistograms(Config.load(Map.of(), Map.of("WEFT_EXPORTERS", "otlp",
        key, "explicit_bucket_histogram"))));
  }

  @Test
  void eachConfigurationProblemIsExactlyOneStderrLine() {
    try (LogCapture log = new LogCapture()) {
      Config config = Config.load(Map.of(), Map.of("WEFT_PROMETHEUS_PORT", "http", "WEFT_LOG_LEVEL", "warn"));

      AgentStartup.applyLogging(config, null);

      assertEquals(WeftLog.Level.WARN, WeftLog.level());
      assertEquals(List.of("[weft] WARN WEFT_PROMETHEUS_PORT=http is not valid (accepted: a port from 0 to 65535;"
          + " 0 = any free port); using the default 9464"), log.lines());
    }
  }

  @Test
  void anInvalidLogLevelIsReportedAtTheDefaultLevel() {
    try (LogCapture log = new LogCapture()) {
      AgentStartup.applyLogging(Config.load(Map.of(), Map.of("WEFT_LOG_LEVEL", "loud")), "");

      assertEquals(WeftLog.Level.INFO, WeftLog.level());
      assertEquals(List.of("[weft] WARN WEFT_LOG_LEVEL=loud is not valid (accepted: error|warn|info|debug);"
          + " using the default info"), log.lines());
    }
  }

  @Test
  void errorLevelSilencesConfigurationWarnings() {
    try (LogCapture log = new LogCapture()) {
      AgentStartup.applyLogging(Config.load(Map.of(), Map.of("WEFT_LOG_LEVEL", "error", "WEFT_TYPO", "1")), null);

      assertEquals(List.of(), log.lines());
    }
  }

  @Test
  void debugPrintsTheEffectiveConfigurationOnce() {
    try (LogCapture log = new LogCapture()) {
      Config config = Config.load(Map.of("weft.log.level", "debug"), Map.of());

      AgentStartup.applyLogging(config, null);

      List<String> lines = log.lines();
      assertEquals(1 + config.effectiveLines().size(), lines.size());
      assertEquals("[weft] DEBUG effective configuration:", lines.get(0));
      assertEquals("[weft] DEBUG   WEFT_LOG_LEVEL=debug (-Dweft.log.level)", lines.get(2));
    }
  }

  @Test
  void agentArgumentsAreReportedAsIgnored() {
    try (LogCapture log = new LogCapture()) {
      AgentStartup.applyLogging(Config.load(Map.of(), Map.of()), "port=9100");

      assertEquals(List.of("[weft] WARN agent arguments (after -javaagent:...jar=) are ignored; configure Weft with"
          + " WEFT_* environment variables, -Dweft.* system properties or a WEFT_CONFIG_FILE"), log.lines());
    }
  }

  @Test
  void withoutPrometheusNoEndpointStartsAndTheStartLineSaysSo() {
    try (LogCapture log = new LogCapture()) {
      Config config = Config.load(Map.of(), Map.of("WEFT_EXPORTERS", "none"));

      MetricRegistry registry = new MetricRegistry();
      new AgentStartup.Init(config, registry, "1.2.3", WovenFamilies.install(null, config, registry)).run();

      assertEquals(List.of("[weft] INFO Weft 1.2.3 started: instrumented http.server, executors, http.client, jdbc, hikaricp, jvm, process, container;"
          + " metrics not exported (exporters: none)"), log.lines());
    }
  }

  @Test
  void disabledCollectorAreasAreLeftOutOfTheStartLine() {
    try (LogCapture log = new LogCapture()) {
      Config config = Config.load(Map.of(), Map.of("OTEL_METRICS_EXPORTER", "none",
          "WEFT_INSTRUMENTATION_JVM_ENABLED", "false", "WEFT_INSTRUMENTATION_CONTAINER_ENABLED", "false"));

      MetricRegistry registry = new MetricRegistry();
      new AgentStartup.Init(config, registry, "1.2.3", WovenFamilies.install(null, config, registry)).run();

      assertEquals(List.of("[weft] INFO Weft 1.2.3 started: instrumented http.server, executors, http.client, jdbc, hikaricp, process;"
          + " metrics not exported (exporters: none)"), log.lines());
    }
  }

  @Test
  void allAreasOffMeansNothingInstrumented() {
    try (LogCapture log = new LogCapture()) {
      Config config = Config.load(Map.of(), nothingInstrumented("WEFT_EXPORTERS", "none"));

      MetricRegistry registry = new MetricRegistry();
      new AgentStartup.Init(config, registry, null, WovenFamilies.install(null, config, registry)).run();

      assertEquals(List.of("[weft] INFO Weft unknown started: instrumented nothing;"
          + " metrics not exported (exporters: none)"), log.lines());
    }
  }

  @Test
  void millisecondsWithOneDecimal() {
    assertEquals("12.3", AgentStartup.millis(12_345_678));
    assertEquals("0.0", AgentStartup.millis(99_999));
    assertEquals("1500.0", AgentStartup.millis(1_500_000_000));
  }

  @Test
  void theOtlpExporterStartsAndTheStartLineNamesWhereWithoutCredentials() {
    try (LogCapture log = new LogCapture()) {
      Config config = Config.load(Map.of(), nothingInstrumented("WEFT_EXPORTERS", "otlp",
          "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://user:secret@127.0.0.1:9/v1/metrics",
          "OTEL_METRIC_EXPORT_INTERVAL", "1h", "WEFT_SHUTDOWN_TIMEOUT", "0"));

      MetricRegistry registry = new MetricRegistry();
      new AgentStartup.Init(config, registry, "1.2.3", WovenFamilies.install(null, config, registry)).run();

      assertEquals(List.of("[weft] INFO Weft 1.2.3 started: instrumented nothing; metrics pushed to"
          + " http://127.0.0.1:9/v1/metrics every 1h (OTLP http/protobuf, cumulative)"), log.lines());
    }
  }

  /** An environment with every instrumentation family and collector area off, plus these pairs. */
  private static Map<String, String> nothingInstrumented(String... pairs) {
    Map<String, String> environment = new java.util.HashMap<>();
    for (WovenFamilies.Entry e : WovenFamilies.ALL) {
      environment.put(e.enabled().environmentVariable(), "false");
    }
    environment.put("WEFT_INSTRUMENTATION_JVM_ENABLED", "false");
    environment.put("WEFT_INSTRUMENTATION_PROCESS_ENABLED", "false");
    environment.put("WEFT_INSTRUMENTATION_CONTAINER_ENABLED", "false");
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      environment.put(pairs[i], pairs[i + 1]);
    }
    return environment;
  }
}
