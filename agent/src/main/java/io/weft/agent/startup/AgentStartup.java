package io.weft.agent.startup;

import io.weft.bootstrap.context.AgentThread;
import io.weft.agent.config.Config;
import io.weft.agent.config.ConfigKeys;
import io.weft.agent.exporter.otlp.OtlpExitFlush;
import io.weft.agent.exporter.otlp.OtlpExport;
import io.weft.agent.exporter.otlp.OtlpSettings;
import io.weft.agent.exporter.prometheus.PrometheusEndpoint;
import io.weft.agent.exporter.prometheus.security.ScrapeSecurity;
import io.weft.agent.resource.ProcessFacts;
import io.weft.agent.resource.Resource;
import io.weft.agent.resource.ResourceDetector;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.collectors.jvm.JvmCollectors;
import io.weft.collectors.jvm.JvmIdentity;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything after the bootstrap jar is on the boot class path: configuration, log level, the one
 * registry, then (on the {@code weft-init} daemon thread, so {@code premain} returns quickly) the
 * collectors, the resource, the exporters and the start-up line.
 *
 * <p>Never throws: a failure turns the agent (or the failing part) off with one error line.
 */
public final class AgentStartup {
  static final String INIT_THREAD_NAME = "weft-init";

  private AgentStartup() {}

  /**
   * Runs on the premain (or agentmain) thread.
   *
   * @param version the agent jar's version, or null
   * @param startedNanos {@link System#nanoTime()} when premain was entered, for the debug timing line
   * @param bootstrapNanos {@link System#nanoTime()} when the bootstrap jar was on the boot class path
   */
  public static void start(Instrumentation instrumentation, String agentArguments, String version,
      long startedNanos, long bootstrapNanos) {
    try {
      Config config = Config.fromProcess();
      applyLogging(config, agentArguments);
      long configuredNanos = System.nanoTime();

      // Histograms record exponential buckets only if OTLP is to send them: fixed before any instrument exists.
      MetricRegistry registry = new MetricRegistry(false, config.get(ConfigKeys.METRIC_SERIES_LIMIT),
          exponentialHistograms(config));
      // The transformer must be in place before the application loads the classes it rewrites.
      WovenFamilies woven = WovenFamilies.install(instrumentation, config, registry);
      // The OTLP exit hook goes in now (a Thread object; no SDK class), so that a JVM ending while the init
      // thread still builds the exporter waits for it and gets its last export.
      OtlpExitFlush exitFlush = config.get(ConfigKeys.EXPORTERS).contains(ConfigKeys.OTLP)
          ? OtlpExitFlush.register(config.get(ConfigKeys.SHUTDOWN_TIMEOUT))
          : null;
      // A named class rather than a lambda: the first lambda costs a cold JVM its lambda machinery.
      Thread init = new AgentThread(new Init(config, registry, version, woven, exitFlush), INIT_THREAD_NAME);
      init.setDaemon(true);
      init.start();
      if (WeftLog.isEnabled(WeftLog.Level.DEBUG)) {
        long endNanos = System.nanoTime();
        WeftLog.debug("premain took " + millis(endNanos - startedNanos) + " ms: bootstrap jar "
            + millis(bootstrapNanos - startedNanos) + " ms, configuration " + millis(configuredNanos - bootstrapNanos)
            + " ms, registry and init thread " + millis(endNanos - configuredNanos) + " ms");
      }
    } catch (Throwable t) {
      WeftLog.error("the agent failed to start and is off: " + t);
    }
  }

  /**
   * Whether the registry records, and so the OTLP exporter sends, base-2 exponential histograms: OTLP is on
   * and {@code OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION} (or Weft's key) asks for them. Here
   * rather than in the OTLP package, whose classes must not load when OTLP is off.
   */
  static boolean exponentialHistograms(Config config) {
    return config.get(ConfigKeys.EXPORTERS).contains(ConfigKeys.OTLP)
        && ConfigKeys.BASE2_EXPONENTIAL_BUCKET_HISTOGRAM.equals(
            config.get(ConfigKeys.OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION));
  }

  /** Nanoseconds as milliseconds with one decimal, without String.format (which would load its own machinery). */
  static String millis(long nanos) {
    long tenths = Math.max(0, nanos) / 100_000;
    return tenths / 10 + "." + tenths % 10;
  }

  /** Called instead of {@link #start} when the agent is already running in this JVM. */
  public static void alreadyRunning() {
    WeftLog.warn("Weft is already running in this JVM; ignoring the second copy of the agent");
  }

  /**
   * Sets the log level, then prints the configuration's warnings (one line each, now that the level
   * is known) and, at debug, the effective configuration.
   */
  static void applyLogging(Config config, String agentArguments) {
    WeftLog.setLevel(config.get(ConfigKeys.LOG_LEVEL));
    for (String warning : config.warnings()) {
      WeftLog.warn(warning);
    }
    if (agentArguments != null && !agentArguments.isBlank()) {
      WeftLog.warn("agent arguments (after -javaagent:...jar=) are ignored; configure Weft with WEFT_*"
          + " environment variables, -Dweft.* system properties or a WEFT_CONFIG_FILE");
    }
    if (WeftLog.isEnabled(WeftLog.Level.DEBUG)) {
      WeftLog.debug("effective configuration:");
      for (String line : config.effectiveLines()) {
        WeftLog.debug("  " + line);
      }
    }
  }

  /** What can wait until after premain: collectors, resource, exporters, and the start-up line. */
  static final class Init implements Runnable {
    private final Config config;
    private final MetricRegistry registry;
    private final String version;
    private final WovenFamilies woven;
    private final OtlpExitFlush exitFlush;

    Init(Config config, MetricRegistry registry, String version, WovenFamilies woven) {
      this(config, registry, version, woven, null);
    }

    /** @param exitFlush the OTLP exporter's shutdown hook if premain registered it, else null */
    Init(Config config, MetricRegistry registry, String version, WovenFamilies woven, OtlpExitFlush exitFlush) {
      this.config = config;
      this.registry = registry;
      this.version = version;
      this.woven = woven;
      this.exitFlush = exitFlush;
    }

    @Override
    public void run() {
      try {
        woven.retransformLoadedClasses();
        List<String> instrumented = new ArrayList<>(woven.names());
        instrumented.addAll(registerCollectors());
        Map<String, String> jvmIdentity = config.get(ConfigKeys.INSTRUMENTATION_JVM_ENABLED)
            ? JvmIdentity.resourceAttributes()
            : Map.of();
        Resource resource = ResourceDetector.detect(config, ProcessFacts.current(version), jvmIdentity);
        WeftLog.info(StartupLine.text(version, instrumented, startExporters(resource)));
      } catch (Throwable t) {
        WeftLog.error("the agent failed to start and is off: " + t);
      }
    }

    /** Registers the enabled collector areas; returns their names as the start-up line lists them. */
    List<String> registerCollectors() {
      boolean jvm = config.get(ConfigKeys.INSTRUMENTATION_JVM_ENABLED);
      boolean process = config.get(ConfigKeys.INSTRUMENTATION_PROCESS_ENABLED);
      boolean container = config.get(ConfigKeys.INSTRUMENTATION_CONTAINER_ENABLED);
      List<String> enabled = new ArrayList<>();
      if (jvm) {
        enabled.add("jvm");
      }
      if (process) {
        enabled.add("process");
      }
      if (container) {
        enabled.add("container");
      }
      if (enabled.isEmpty()) {
        return enabled;
      }
      try {
        boolean contextSwitches = process && config.get(ConfigKeys.INSTRUMENTATION_PROCESS_CONTEXT_SWITCHES_ENABLED);
        JvmCollectors.register(registry, new JvmCollectors.Settings(jvm, process, container, contextSwitches));
        return enabled;
      } catch (Throwable t) {
        WeftLog.error("the JVM, process and container collectors failed to register: " + t);
        return List.of();
      }
    }

    /** Starts the configured exporters; returns the export part of the start-up line. */
    String startExporters(Resource resource) {
      List<String> exporters = config.get(ConfigKeys.EXPORTERS);
      if (exporters.isEmpty()) {
        return StartupLine.notExported();
      }
      List<String> parts = new ArrayList<>(2);
      if (exporters.contains(ConfigKeys.PROMETHEUS)) {
        parts.add(startPrometheus(resource));
      }
      if (exporters.contains(ConfigKeys.OTLP)) {
        parts.add(startOtlp(resource));
      }
      return String.join("; ", parts);
    }

    private String startPrometheus(Resource resource) {
      String host = config.get(ConfigKeys.PROMETHEUS_HOST);
      int port = config.get(ConfigKeys.PROMETHEUS_PORT);
      ScrapeSecurity security = PrometheusSecurity.load(config);
      if (security == null) {
        return StartupLine.notServed(host, port);
      }
      PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, resource, host, port, security);
      if (endpoint == null) {
        return StartupLine.notServed(host, port);
      }
      PrometheusSecurity.warnIfOpen(host, endpoint.port(), security);
      PrometheusSecurity.publishFileSd(config, resource, endpoint, security);
      return StartupLine.served(host, endpoint.port(), security.authOn(), security.tlsOn());
    }

    /** Only here do the OTLP exporter's classes, and with them the OpenTelemetry SDK, load. */
    private String startOtlp(Resource resource) {
      OtlpSettings settings = OtlpSettings.from(config);
      OtlpExitFlush exit = exitFlush != null ? exitFlush : OtlpExitFlush.register(settings.shutdownTimeout());
      OtlpExport export = OtlpExport.start(registry, resource, settings, version, exit);
      if (export == null) {
        return StartupLine.notPushed(OtlpExport.printable(settings.endpoint()));
      }
      return StartupLine.pushed(export.endpoint(), settings.interval(),
          settings.temporality().name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
