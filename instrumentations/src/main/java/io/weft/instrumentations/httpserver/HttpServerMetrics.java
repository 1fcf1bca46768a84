package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.metrics.UpDownCounter;
import io.weft.instrumentations.semconv.HttpAttributes;

/**
 * The HTTP server instruments, per the OpenTelemetry HTTP semantic conventions, and the one place
 * that records into them. Every server's hooks end here.
 */
public final class HttpServerMetrics {

  private static volatile HttpServerMetrics current;

  private final Histogram duration;
  private final UpDownCounter active;

  private HttpServerMetrics(MetricRegistry registry) {
    duration = registry.histogram("http.server.request.duration")
        .unit("s")
        .description("Duration of HTTP server requests.")
        .buckets(Buckets.HTTP_SECONDS)
        .attributeKeys("http.request.method", "http.response.status_code", "http.route", "url.scheme",
            "network.protocol.version", "error.type")
        .register();
    active = registry.upDownCounter("http.server.active_requests")
        .unit("{request}")
        .description("Number of active HTTP server requests.")
        .attributeKeys("http.request.method", "url.scheme")
        .register();
  }

  /** Registers the instruments and makes the hooks record into them. */
  public static HttpServerMetrics install(MetricRegistry registry) {
    HttpServerMetrics m = new HttpServerMetrics(registry);
    current = m;
    return m;
  }

  /** The installed instance, or null when HTTP server metrics are off. */
  static HttpServerMetrics current() {
    return current;
  }

  /** A request began. {@code method} is the raw request method. */
  void started(String method, String scheme) {
    active.bind(HttpAttributes.method(method), scheme).add(1);
  }

  /**
   * A request ended.
   *
   * @param status the response status, or a value below 100 when none was sent
   * @param route the route template, or null when none is known
   * @param thrown what escaped the handler, or null
   */
  void finished(long startNanos, String method, int status, String route, String scheme, String protocol,
      Throwable thrown) {
    String normalizedMethod = HttpAttributes.method(method);
    active.bind(normalizedMethod, scheme).add(-1);
    int effectiveStatus = status < 100 && thrown != null ? 500 : status;
    duration.bind(normalizedMethod, HttpAttributes.statusCode(effectiveStatus), route == null ? "" : route, scheme,
            HttpAttributes.protocolVersion(protocol), HttpAttributes.serverErrorType(effectiveStatus, thrown))
        .recordSince(startNanos);
  }
}
