package io.weft.agent.config;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.time.Duration;
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
  public static final String OTLP = "otlp";
  public static final String BASE2_EXPONENTIAL_BUCKET_HISTOGRAM = "base2_exponential_bucket_histogram";

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
      ConfigKey.of("exporters", new ChoiceListType(PROMETHEUS, OTLP), List.of(PROMETHEUS),
              "Where metrics go: prometheus serves a scrape endpoint; otlp pushes to an OTLP receiver such as"
                  + " the OpenTelemetry Collector; none exports nothing.")
          .withOtelFallback("OTEL_METRICS_EXPORTER"));

  public static final ConfigKey<String> PROMETHEUS_HOST = add(
      ConfigKey.of("prometheus.host", TextType.HOST, "127.0.0.1",
          "Address the scrape endpoint binds to; 0.0.0.0 or :: listens on every interface."));

  public static final ConfigKey<Integer> PROMETHEUS_PORT = add(
      ConfigKey.of("prometheus.port", IntRangeType.port(), 9464,
          "Port of the scrape endpoint."));

  public static final ConfigKey<String> PROMETHEUS_WEB_CONFIG_FILE = add(
      ConfigKey.of("prometheus.web.config.file", TextType.FILE_PATH, null,
          "Prometheus web configuration file (the --web.config.file format): TLS, client certificates, bcrypt"
              + " basic auth, response headers. If it cannot be used the endpoint serves nothing (docs/security.md)."));

  public static final ConfigKey<String> PROMETHEUS_ALLOW = add(
      ConfigKey.of("prometheus.allow", TextType.INSTANCE, null,
              "Client addresses that may connect to the scrape endpoint: CIDR ranges, IPv4 or IPv6, comma-separated,"
                  + " e.g. 10.0.0.0/8,fd00::/8; others get 403. If invalid the endpoint serves nothing.")
          .withDocumentedDefault("every address"));

  public static final ConfigKey<String> PROMETHEUS_FILE_SD_DIR = add(
      ConfigKey.of("prometheus.file.sd.dir", TextType.FILE_PATH, null,
          "Folder where the agent writes a Prometheus file_sd target file for this JVM (<service>-<instance id>.json),"
              + " removed at exit."));

  public static final ConfigKey<String> PROMETHEUS_FILE_SD_JOB = add(
      ConfigKey.of("prometheus.file.sd.job", TextType.INSTANCE, null,
              "The job label in the file_sd target file.")
          .withDocumentedDefault("the service name"));

  // OTLP: each setting twice, as in OpenTelemetry: the general one and the metrics one, which wins.
  // A Weft variable wins over an OpenTelemetry one (see io.weft.agent.exporter.otlp.OtlpSettings).

  public static final ConfigKey<String> OTLP_ENDPOINT = add(
      ConfigKey.of("otlp.endpoint", UrlType.INSTANCE, "http://localhost:4318",
              "Base URL of the OTLP receiver; /v1/metrics is appended.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_ENDPOINT"));

  public static final ConfigKey<String> OTLP_METRICS_ENDPOINT = add(
      ConfigKey.of("otlp.metrics.endpoint", UrlType.INSTANCE, null,
              "Full URL that metrics are posted to, used as is; wins over WEFT_OTLP_ENDPOINT.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"));

  public static final ConfigKey<String> OTLP_PROTOCOL = add(
      ConfigKey.of("otlp.protocol", new ChoiceType(OtlpProtocol.HTTP_PROTOBUF, OtlpProtocol.GRPC),
              OtlpProtocol.HTTP_PROTOBUF,
              "OTLP transport. Weft has http/protobuf only; grpc gets a warning and http/protobuf is used"
                  + " (see the OTLP section).")
          .withOtelFallback("OTEL_EXPORTER_OTLP_PROTOCOL"));

  public static final ConfigKey<String> OTLP_METRICS_PROTOCOL = add(
      ConfigKey.of("otlp.metrics.protocol", new ChoiceType(OtlpProtocol.HTTP_PROTOBUF, OtlpProtocol.GRPC), null,
              "As WEFT_OTLP_PROTOCOL, for metrics; wins over it.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL"));

  public static final ConfigKey<Map<String, String>> OTLP_HEADERS = add(
      ConfigKey.of("otlp.headers", HeaderListType.INSTANCE, Map.of(),
              "Headers sent with every export, e.g. authorization=Bearer%20abc.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_HEADERS"));

  public static final ConfigKey<Map<String, String>> OTLP_METRICS_HEADERS = add(
      ConfigKey.of("otlp.metrics.headers", HeaderListType.INSTANCE, null,
              "As WEFT_OTLP_HEADERS, for metrics; replaces it.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_HEADERS"));

  public static final ConfigKey<String> OTLP_COMPRESSION = add(
      ConfigKey.of("otlp.compression", new ChoiceType("gzip", "none"), "none",
              "Compression of export requests.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_COMPRESSION"));

  public static final ConfigKey<String> OTLP_METRICS_COMPRESSION = add(
      ConfigKey.of("otlp.metrics.compression", new ChoiceType("gzip", "none"), null,
              "As WEFT_OTLP_COMPRESSION, for metrics; wins over it.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_COMPRESSION"));

  public static final ConfigKey<Duration> OTLP_TIMEOUT = add(
      ConfigKey.of("otlp.timeout", new DurationType(Duration.ofMillis(1), Duration.ofMinutes(10)),
              Duration.ofSeconds(10),
              "Time allowed for one export request, retries after 429, 502, 503, 504 or a failed connection"
                  + " included.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_TIMEOUT"));

  public static final ConfigKey<Duration> OTLP_METRICS_TIMEOUT = add(
      ConfigKey.of("otlp.metrics.timeout", new DurationType(Duration.ofMillis(1), Duration.ofMinutes(10)), null,
              "As WEFT_OTLP_TIMEOUT, for metrics; wins over it.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_TIMEOUT"));

  public static final ConfigKey<String> OTLP_CERTIFICATE = add(
      ConfigKey.of("otlp.certificate", TextType.FILE_PATH, null,
              "PEM file of the CA certificates that verify an https receiver; unset: the JVM's trust store.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_CERTIFICATE"));

  public static final ConfigKey<String> OTLP_METRICS_CERTIFICATE = add(
      ConfigKey.of("otlp.metrics.certificate", TextType.FILE_PATH, null,
              "As WEFT_OTLP_CERTIFICATE, for metrics; wins over it.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_CERTIFICATE"));

  public static final ConfigKey<String> OTLP_CLIENT_KEY = add(
      ConfigKey.of("otlp.client.key", TextType.FILE_PATH, null,
              "PEM file of the private key (PKCS#8) for TLS client authentication; needs the client certificate.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_CLIENT_KEY"));

  public static final ConfigKey<String> OTLP_METRICS_CLIENT_KEY = add(
      ConfigKey.of("otlp.metrics.client.key", TextType.FILE_PATH, null,
              "As WEFT_OTLP_CLIENT_KEY, for metrics; wins over it.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_CLIENT_KEY"));

  public static final ConfigKey<String> OTLP_CLIENT_CERTIFICATE = add(
      ConfigKey.of("otlp.client.certificate", TextType.FILE_PATH, null,
              "PEM file of the certificate chain for TLS client authentication; needs the client key.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE"));

  public static final ConfigKey<String> OTLP_METRICS_CLIENT_CERTIFICATE = add(
      ConfigKey.of("otlp.metrics.client.certificate", TextType.FILE_PATH, null,
              "As WEFT_OTLP_CLIENT_CERTIFICATE, for metrics; wins over it.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_CLIENT_CERTIFICATE"));

  public static final ConfigKey<String> OTLP_METRICS_TEMPORALITY_PREFERENCE = add(
      ConfigKey.of("otlp.metrics.temporality.preference", new ChoiceType("cumulative", "delta", "lowmemory"),
              "cumulative",
              "cumulative: every value since start; delta: counters and histograms as the change since the"
                  + " last export, up-down counters cumulative; lowmemory: as delta, except that callback"
                  + " counters (JVM, process and container figures) stay cumulative.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE"));

  public static final ConfigKey<String> OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION = add(
      ConfigKey.of("otlp.metrics.default.histogram.aggregation",
              new ChoiceType("explicit_bucket_histogram", BASE2_EXPONENTIAL_BUCKET_HISTOGRAM),
              "explicit_bucket_histogram",
              "How OTLP exports histograms. explicit_bucket_histogram: the semantic conventions' bucket"
                  + " boundaries; base2_exponential_bucket_histogram: base-2 exponential buckets (at most 160"
                  + " per sign, scale up to 20, lowered to fit the range), recorded alongside the explicit ones,"
                  + " which Prometheus keeps.")
          .withOtelFallback("OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION"));

  public static final ConfigKey<Duration> METRIC_EXPORT_INTERVAL = add(
      ConfigKey.of("metric.export.interval", new DurationType(Duration.ofMillis(100), Duration.ofHours(24)),
              Duration.ofSeconds(60),
              "Time between two OTLP exports.")
          .withOtelFallback("OTEL_METRIC_EXPORT_INTERVAL"));

  public static final ConfigKey<Duration> METRIC_EXPORT_TIMEOUT = add(
      ConfigKey.of("metric.export.timeout", new DurationType(Duration.ofMillis(1), Duration.ofMinutes(10)),
              Duration.ofSeconds(30),
              "Longest wait for one OTLP export before the next one is due.")
          .withOtelFallback("OTEL_METRIC_EXPORT_TIMEOUT"));

  public static final ConfigKey<Duration> SHUTDOWN_TIMEOUT = add(
      ConfigKey.of("shutdown.timeout", new DurationType(Duration.ZERO, Duration.ofMinutes(10)),
          Duration.ofSeconds(5),
          "At JVM exit the OTLP exporter sends once more, for at most this long; 0 skips that last export."));

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
      instrumentationEnabled("http.server", "HTTP server metrics (JDK HttpServer, javax and jakarta Servlet"
          + " containers): request duration and active requests. When false, no server class is rewritten."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_HTTP_SERVER_BODY_SIZE_ENABLED = add(
      ConfigKey.of("instrumentation.http.server.body.size.enabled", BooleanType.INSTANCE, Boolean.FALSE,
          "http.server.request.body.size and http.server.response.body.size, as declared by Content-Length:"
              + " off by default, as they double the HTTP server series."));

  public static final ConfigKey<List<String>> HTTP_SERVER_ROUTES = add(
      ConfigKey.of("http.server.routes", RouteListType.INSTANCE, List.of(),
          "Route templates for requests that no framework gives a template for (or only a wildcard servlet"
              + " mapping); the first that matches the request path is the http.route."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_EXECUTORS_ENABLED = add(
      instrumentationEnabled("executors", "Executor metrics (ThreadPoolExecutor, ForkJoinPool, thread-per-task executors):"
          + " task run and wait time, rejections, pool and queue sizes. When false, no executor class is rewritten."));

  public static final ConfigKey<Boolean> INSTRUMENTATION_HTTP_CLIENT_ENABLED = add(
      instrumentationEnabled("http.client", "HTTP client metrics (java.net.http, HttpURLConnection, Apache HttpClient 5,"
          + " OkHttp): request duration. When false, no client class is rewritten."));

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
