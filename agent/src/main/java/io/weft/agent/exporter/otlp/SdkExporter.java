package io.weft.agent.exporter.otlp;

import io.weft.bootstrap.context.AgentThread;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfoBuilder;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the SDK side: the OTLP/HTTP metric exporter configured from {@link OtlpSettings}, the
 * converter with Weft's resource and the {@code io.weft} instrumentation scope, and the loop that
 * drives them.
 *
 * <p>Retries are the SDK sender's: up to 5 attempts, exponential backoff from 1 s (x1.5, at most 5 s,
 * with jitter) or the receiver's {@code Retry-After}, on 429, 502, 503, 504 and failed connections,
 * all within the OTLP timeout.
 */
final class SdkExporter {
  static final String SCOPE_NAME = "io.weft";
  static final String SENDER_THREAD_NAME = "weft-otlp-sender-";

  private SdkExporter() {}

  static ExportLoop loop(MetricRegistry registry, Resource resource, OtlpSettings settings, String version,
      String printableEndpoint) {
    MetricExporter exporter = exporter(settings, printableEndpoint);
    MetricDataConverter converter = new MetricDataConverter(resource(resource), scope(version),
        jvmStartEpochNanos(), settings.temporality());
    return new ExportLoop(registry::collect, converter, exporter, printableEndpoint,
        settings.interval().toNanos(), settings.exportTimeout().toNanos());
  }

  /** The SDK exporter; throws IllegalArgumentException when the SDK refuses a setting. */
  static OtlpHttpMetricExporter exporter(OtlpSettings settings, String printableEndpoint) {
    OtlpHttpMetricExporterBuilder builder = OtlpHttpMetricExporter.builder()
        // First: the builder resolves the sender (and compressors) through it.
        .setComponentLoader(new PartialSuccessSender.Loader(printableEndpoint))
        .setEndpoint(settings.endpoint())
        .setTimeout(settings.timeout())
        .setConnectTimeout(min(settings.timeout(), Duration.ofSeconds(10)))
        .setCompression(settings.gzip() ? "gzip" : "none")
        .setRetryPolicy(RetryPolicy.getDefault())
        // The SDK's own exporter metrics would go to GlobalOpenTelemetry: there is no such thing here.
        .setMeterProvider(MeterProvider::noop)
        .setExecutorService(senderThreads());
    for (Map.Entry<String, String> header : settings.headers().entrySet()) {
      builder.addHeader(header.getKey(), header.getValue());
    }
    byte[] certificate = readPem(settings.certificate(), "CA certificate");
    if (certificate != null) {
      builder.setTrustedCertificates(certificate);
    }
    if (settings.clientKey() != null || settings.clientCertificate() != null) {
      byte[] key = readPem(settings.clientKey(), "client key");
      byte[] chain = readPem(settings.clientCertificate(), "client certificate");
      if (key != null && chain != null) {
        builder.setClientTls(key, chain);
      } else if (key == null ^ chain == null) {
        WeftLog.warn("TLS client authentication needs both WEFT_OTLP_CLIENT_KEY and WEFT_OTLP_CLIENT_CERTIFICATE"
            + " (or the OTEL_EXPORTER_OTLP_* equivalents); exporting without a client certificate");
      }
    }
    return builder.build();
  }

  /** Weft's resource as the SDK's: the same attributes that target_info shows, all strings. */
  static io.opentelemetry.sdk.resources.Resource resource(Resource resource) {
    AttributesBuilder attributes = io.opentelemetry.api.common.Attributes.builder();
    resource.attributes().forEach(attributes::put);
    return io.opentelemetry.sdk.resources.Resource.create(attributes.build());
  }

  static InstrumentationScopeInfo scope(String version) {
    InstrumentationScopeInfoBuilder scope = InstrumentationScopeInfo.builder(SCOPE_NAME);
    if (version != null) {
      scope.setVersion(version);
    }
    return scope.build();
  }

  /** The start of every cumulative series: the JVM's start, when counting began for the earliest ones. */
  static long jvmStartEpochNanos() {
    try {
      return TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getStartTime());
    } catch (Throwable t) {
      return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }
  }

  /** The file's bytes, or null (with one warning) when unset or unreadable. */
  private static byte[] readPem(String file, String what) {
    if (file == null) {
      return null;
    }
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException | RuntimeException e) {
      WeftLog.warn("the OTLP " + what + " file " + file + " cannot be read (" + e + "); exporting without it");
      return null;
    }
  }

  /**
   * Daemon threads for the SDK's sender. One export is in flight at a time; a second thread lets the
   * exit flush start while an unanswered one still holds the first.
   */
  private static ExecutorService senderThreads() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, 2, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
      Thread thread = new AgentThread(task, SENDER_THREAD_NAME + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
