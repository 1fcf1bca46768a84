package io.weft.agent.exporter.otlp;

import io.weft.agent.config.Config;
import io.weft.agent.config.ConfigKey;
import io.weft.agent.config.ConfigKeys;
import io.weft.agent.config.OtlpProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the OTLP exporter needs from the configuration, resolved once.
 *
 * <p>OpenTelemetry defines most OTLP settings twice, for all signals ({@code OTEL_EXPORTER_OTLP_X}) and
 * for metrics ({@code OTEL_EXPORTER_OTLP_METRICS_X}); Weft mirrors both ({@code WEFT_OTLP_X},
 * {@code WEFT_OTLP_METRICS_X}). Of the four, the first that is set wins: Weft's metrics setting, Weft's
 * general one, OpenTelemetry's metrics variable, OpenTelemetry's general one. So a Weft setting always
 * beats an OpenTelemetry variable, and within each the metrics one beats the general one. The general
 * endpoint gets {@code /v1/metrics} appended; the metrics endpoint is used as is.
 *
 * @param endpoint the URL export requests are posted to
 * @param certificate PEM file of trusted CA certificates, or null for the JVM's trust store
 * @param clientKey PEM file of the client's private key, or null
 * @param clientCertificate PEM file of the client's certificate chain, or null
 * @param warnings lines to log once at start: settings that were valid but cannot be honoured as asked
 */
public record OtlpSettings(
    String endpoint,
    Map<String, String> headers,
    boolean gzip,
    Duration timeout,
    String certificate,
    String clientKey,
    String clientCertificate,
    Temporality temporality,
    Duration interval,
    Duration exportTimeout,
    Duration shutdownTimeout,
    List<String> warnings) {

  static final String METRICS_PATH = "v1/metrics";

  public OtlpSettings {
    headers = Map.copyOf(headers);
    warnings = List.copyOf(warnings);
  }

  /** The settings as configured. */
  public static OtlpSettings from(Config config) {
    List<String> warnings = new ArrayList<>();

    String endpoint;
    Setting<String> metricsEndpoint = Setting.of(config, ConfigKeys.OTLP_METRICS_ENDPOINT);
    Setting<String> generalEndpoint = Setting.of(config, ConfigKeys.OTLP_ENDPOINT);
    if (metricsEndpoint.outranks(generalEndpoint)) {
      endpoint = metricsEndpoint.value;
    } else {
      endpoint = withMetricsPath(generalEndpoint.value);
    }

    Setting<String> protocol = pick(config, ConfigKeys.OTLP_METRICS_PROTOCOL, ConfigKeys.OTLP_PROTOCOL);
    if (OtlpProtocol.GRPC.equals(protocol.value)) {
      warnings.add(protocol.where + "=grpc is not supported: Weft sends OTLP over http/protobuf only (gRPC"
          + " would add 3 MB or more to the agent); using http/protobuf to " + OtlpExport.printable(endpoint));
    }

    return new OtlpSettings(
        endpoint,
        pick(config, ConfigKeys.OTLP_METRICS_HEADERS, ConfigKeys.OTLP_HEADERS).value,
        "gzip".equals(pick(config, ConfigKeys.OTLP_METRICS_COMPRESSION, ConfigKeys.OTLP_COMPRESSION).value),
        pick(config, ConfigKeys.OTLP_METRICS_TIMEOUT, ConfigKeys.OTLP_TIMEOUT).value,
        pick(config, ConfigKeys.OTLP_METRICS_CERTIFICATE, ConfigKeys.OTLP_CERTIFICATE).value,
        pick(config, ConfigKeys.OTLP_METRICS_CLIENT_KEY, ConfigKeys.OTLP_CLIENT_KEY).value,
        pick(config, ConfigKeys.OTLP_METRICS_CLIENT_CERTIFICATE, ConfigKeys.OTLP_CLIENT_CERTIFICATE).value,
        Temporality.of(config.get(ConfigKeys.OTLP_METRICS_TEMPORALITY_PREFERENCE)),
        config.get(ConfigKeys.METRIC_EXPORT_INTERVAL),
        config.get(ConfigKeys.METRIC_EXPORT_TIMEOUT),
        config.get(ConfigKeys.SHUTDOWN_TIMEOUT),
        warnings);
  }

  /** {@code base} with {@code /v1/metrics} appended, as the specification asks for the general endpoint. */
  static String withMetricsPath(String base) {
    return base.endsWith("/") ? base + METRICS_PATH : base + "/" + METRICS_PATH;
  }

  private static <T> Setting<T> pick(Config config, ConfigKey<T> metrics, ConfigKey<T> general) {
    Setting<T> specific = Setting.of(config, metrics);
    Setting<T> fallback = Setting.of(config, general);
    return specific.outranks(fallback) ? specific : fallback;
  }

  /** One resolved value, where it came from, and how strongly it was set. */
  private static final class Setting<T> {
    /** 2: a Weft source; 1: the OpenTelemetry variable; 0: the default. */
    final int rank;
    final T value;
    final String where;

    private Setting(int rank, T value, String where) {
      this.rank = rank;
      this.value = value;
      this.where = where;
    }

    static <T> Setting<T> of(Config config, ConfigKey<T> key) {
      String origin = config.origin(key);
      int rank = origin.equals("default") ? 0 : origin.equals(key.otelFallback()) ? 1 : 2;
      return new Setting<>(rank, config.get(key), origin);
    }

    /** A metrics setting outranks the general one when it is set at least as strongly. */
    boolean outranks(Setting<?> general) {
      return rank > 0 && rank >= general.rank;
    }
  }
}
