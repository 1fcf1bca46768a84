package io.weft.agent.config;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The catalogue: every setting Weft reads, in the order the documentation lists them. To add a
 * setting, add one constant here through {@link #add}; resolution, validation, the effective
 * configuration print-out, unknown-name warnings and the documentation table all follow from it
 * (then regenerate the table, see {@code docs/configuration.md}).
 */
public final class ConfigKeys {

  // Must stay the first field: the constants below add themselves to it as they are initialised.
  private static final List<ConfigKey<?>> ALL = new ArrayList<>();

  /** Names the exporters accepted by {@link #EXPORTERS}. */
  public static final String PROMETHEUS = "prometheus";

  public static final ConfigKey<String> CONFIG_FILE = add(
      ConfigKey.of("config.file", TextType.FILE_PATH, null,
              "Path of a YAML file with more settings; system properties and the environment override it.")
          .withoutFile());

  public static final ConfigKey<WeftLog.Level> LOG_LEVEL = add(
      ConfigKey.of("log.level", new EnumType<>(WeftLog.Level.class), WeftLog.Level.INFO,
          "Least severe level of the agent's own lines on stderr."));

  public static final ConfigKey<String> SERVICE_NAME = add(
      ConfigKey.of("service.name", TextType.INSTANCE, null,
              "The service.name resource attribute.")
          .withOtelFallback("OTEL_SERVICE_NAME")
          .withDocumentedDefault("main class or jar name, else unknown_service:java"));

  public static final ConfigKey<Map<String, String>> RESOURCE_ATTRIBUTES = add(
      ConfigKey.of("resource.attributes", AttributeListType.INSTANCE, Map.of(),
              "Extra resource attributes, e.g. deployment.environment=prod.")
          .withOtelFallback("OTEL_RESOURCE_ATTRIBUTES"));

  public static final ConfigKey<List<String>> EXPORTERS = add(
      ConfigKey.of("exporters", new ChoiceListType(PROMETHEUS), List.of(PROMETHEUS),
              "Where metrics go: prometheus serves a scrape endpoint; none exports nothing.")
          .withOtelFallback("OTEL_METRICS_EXPORTER"));

  public static final ConfigKey<String> PROMETHEUS_HOST = add(
      ConfigKey.of("prometheus.host", TextType.HOST, "127.0.0.1",
          "Address the scrape endpoint binds to; 0.0.0.0 or :: listens on every interface."));

  public static final ConfigKey<Integer> PROMETHEUS_PORT = add(
      ConfigKey.of("prometheus.port", IntRangeType.port(), 9464,
          "Port of the scrape endpoint."));

  public static final ConfigKey<Integer> METRIC_SERIES_LIMIT = add(
      ConfigKey.of("metric.series.limit", new IntRangeType(1, 1_000_000), MetricRegistry.DEFAULT_SERIES_LIMIT,
          "Series per metric before further attribute combinations go to one overflow series."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_JVM_ENABLED = add(
      instrumentationEnabled("jvm", "JVM metrics: memory, garbage collection, threads, classes, CPU, buffers."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_PROCESS_ENABLED = add(
      instrumentationEnabled("process", "Process metrics: CPU time, resident memory, open file descriptors."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_CONTAINER_ENABLED = add(
      instrumentationEnabled("container", "Container metrics from cgroup files: CPU limit and throttling, memory limit."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_HTTP_SERVER_ENABLED = add(
      instrumentationEnabled("http.server", "HTTP server metrics (JDK HttpServer): request duration and active requests."
          + " When false, no server class is rewritten."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_JDBC_ENABLED = add(
      instrumentationEnabled("jdbc", "JDBC metrics: statement duration by operation, table and database, for every driver"
          + " and pool. When false, no JDBC class is rewritten."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_HIKARICP_ENABLED = add(
      instrumentationEnabled("hikaricp", "HikariCP connection-pool metrics: connections by state, limits, pending"
          + " requests, timeouts, wait, use and create times. When false, no HikariCP class is rewritten."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_PROCESS_CONTEXT_SWITCHES_ENABLED = add(
      ConfigKey.of("instrumentation.process.context.switches.enabled", BooleanType.INSTANCE, Boolean.FALSE,
          "process.context_switches, summed over every thread's /proc file: off by default, as it reads one"
              + " file per thread at each collection (milliseconds with hundreds of threads)."));

  private ConfigKeys() {}

  /** Every setting, in catalogue order. */
  public static List<ConfigKey<?>> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The switch {@code instrumentation.<family>.enabled}, on by default. */
  static ConfigKey<Boolean> instrumentationEnabled(String family, String what) {
    return ConfigKey.of("instrumentation." + family + ".enabled", BooleanType.INSTANCE, Boolean.TRUE, what);
  }

  private static <T> ConfigKey<T> add(ConfigKey<T> key) {
    ALL.add(key);
    return key;
  }
}
