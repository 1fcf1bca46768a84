package io.weft.benchmarks.overhead;

import java.util.List;
import java.util.Map;

/**
 * One way of running the demo: no agent, Weft (all of it, or with one family switched off), or the
 * OpenTelemetry Java agent with tracing on or sampled off. Every configuration exposes its metrics
 * on a Prometheus endpoint, so each agent can be asked how many requests it counted.
 */
enum Configuration {
  NONE("no agent", Agent.NONE, Map.of()),
  WEFT("Weft", Agent.WEFT, Map.of()),
  /** Exporters off but spans still created and sampled: what the agent costs with its defaults. */
  OTEL("OpenTelemetry agent, tracing on", Agent.OTEL, Map.of()),
  /** Spans sampled off ({@code always_off}): the agent configured for metrics only. */
  OTEL_METRICS_ONLY("OpenTelemetry agent, traces off", Agent.OTEL, Map.of("OTEL_TRACES_SAMPLER", "always_off")),
  WEFT_NO_HTTP_SERVER("Weft without http.server", Agent.WEFT,
      Map.of("WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED", "false")),
  WEFT_NO_JDBC("Weft without jdbc", Agent.WEFT, Map.of("WEFT_INSTRUMENTATION_JDBC_ENABLED", "false")),
  WEFT_NO_EXECUTORS("Weft without executors", Agent.WEFT, Map.of("WEFT_INSTRUMENTATION_EXECUTORS_ENABLED", "false")),
  WEFT_NO_HTTP_CLIENT("Weft without http.client", Agent.WEFT,
      Map.of("WEFT_INSTRUMENTATION_HTTP_CLIENT_ENABLED", "false")),
  WEFT_NO_JVM("Weft without JVM, process and container collectors", Agent.WEFT,
      Map.of("WEFT_INSTRUMENTATION_JVM_ENABLED", "false", "WEFT_INSTRUMENTATION_PROCESS_ENABLED", "false",
          "WEFT_INSTRUMENTATION_CONTAINER_ENABLED", "false"));

  enum Agent { NONE, WEFT, OTEL }

  /** The configurations every run measures; the Weft-without-a-family ones come with {@code --families}. */
  static final List<Configuration> MAIN = List.of(NONE, WEFT, OTEL, OTEL_METRICS_ONLY);
  static final List<Configuration> FAMILIES =
      List.of(WEFT_NO_HTTP_SERVER, WEFT_NO_JDBC, WEFT_NO_EXECUTORS, WEFT_NO_HTTP_CLIENT, WEFT_NO_JVM);

  final String label;
  final Agent agent;
  final Map<String, String> extraEnvironment;

  Configuration(String label, Agent agent, Map<String, String> extraEnvironment) {
    this.label = label;
    this.agent = agent;
    this.extraEnvironment = extraEnvironment;
  }

  /** Whether this agent counts HTTP server requests, so its count can be checked against the load's. */
  boolean countsRequests() {
    return agent != Agent.NONE && this != WEFT_NO_HTTP_SERVER;
  }

  /**
   * Names of the agent's own threads (its scrape server, its schedulers), whose allocation is
   * reported apart from the application's.
   */
  boolean isAgentThread(String threadName) {
    return switch (agent) {
      case NONE -> false;
      case WEFT -> threadName.startsWith("weft-");
      case OTEL -> OTEL_THREAD_PREFIXES.stream().anyMatch(threadName::startsWith);
    };
  }

  private static final List<String> OTEL_THREAD_PREFIXES =
      List.of("otel-", "prometheus-http-server", "weak-ref-cleaner", "PeriodicMetricReader", "BatchSpanProcessor",
          "BatchLogRecordProcessor");
}
