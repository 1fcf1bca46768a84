package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.metrics.UpDownCounter;
import io.weft.instrumentations.semconv.HttpAttributes;

/**
 * The HTTP server instruments, per the OpenTelemetry HTTP semantic conventions, and the one place
 * that records into them. Every server's hooks end here. Also holds the user's route templates, so
 * that the hooks find everything the configuration decided in one place.
 */
public final class HttpServerMetrics {

  /** The attributes of the duration and body-size histograms, in bind order. */
  private static final String[] REQUEST_KEYS = {"http.request.method", "http.response.status_code", "http.route",
      "url.scheme", "network.protocol.version", "error.type"};

  private static volatile HttpServerMetrics current;

  private final Histogram duration;
  private final UpDownCounter active;
  /** Null unless body sizes are switched on. */
  private final Histogram requestBodySize;
  private final Histogram responseBodySize;
  private final RouteTemplates routes;

  private HttpServerMetrics(MetricRegistry registry, HttpServerSettings settings) {
    duration = registry.histogram("http.server.request.duration")
        .unit("s")
        .description("Duration of HTTP server requests.")
        .buckets(Buckets.HTTP_SECONDS)
        .attributeKeys(REQUEST_KEYS)
        .register();
    active = registry.upDownCounter("http.server.active_requests")
        .unit("{request}")
        .description("Number of active HTTP server requests.")
        .attributeKeys("http.request.method", "url.scheme")
        .register();
    if (settings.bodySizes()) {
      // The conventions give no buckets for body sizes; these are the SDK defaults, as the
      // OpenTelemetry Java agent uses.
      requestBodySize = registry.histogram("http.server.request.body.size")
          .unit("By")
          .description("Size of HTTP server request bodies, as declared by Content-Length.")
          .buckets(Buckets.DEFAULT)
          .attributeKeys(REQUEST_KEYS)
          .register();
      responseBodySize = registry.histogram("http.server.response.body.size")
          .unit("By")
          .description("Size of HTTP server response bodies, as declared by Content-Length.")
          .buckets(Buckets.DEFAULT)
          .attributeKeys(REQUEST_KEYS)
          .register();
    } else {
      requestBodySize = null;
      responseBodySize = null;
    }
    routes = RouteTemplates.compile(settings.routeTemplates());
  }

  /**
   * Registers the instruments and makes the hooks record into them.
   *
   * @throws IllegalArgumentException if a route template is malformed (the configuration has
   *     checked them before)
   */
  public static HttpServerMetrics install(MetricRegistry registry, HttpServerSettings settings) {
    HttpServerMetrics m = new HttpServerMetrics(registry, settings);
    current = m;
    return m;
  }

  /** The installed instance, or null when HTTP server metrics are off. */
  static HttpServerMetrics current() {
    return current;
  }

  /** The user's route templates; {@link RouteTemplates#NONE} when none are configured. */
  RouteTemplates routes() {
    return routes;
  }

  /** Whether the body-size histograms are on, so hooks read sizes only then. */
  boolean recordsBodySizes() {
    return requestBodySize != null;
  }

  /**
   * A request began. {@code method} is the raw request method. Returns the active-requests series it
   * counted in, for {@link #finished} to count down without binding again.
   */
  UpDownCounter.Handle started(String method, String scheme) {
    UpDownCounter.Handle handle = active.bind(HttpAttributes.method(method), scheme);
    handle.add(1);
    return handle;
  }

  /**
   * A request ended.
   *
   * @param activeSeries what {@link #started} returned for it, or null to look it up again
   * @param status the response status, or a value below 100 when none was sent
   * @param route the route template, or null when none is known
   * @param thrown what escaped the handler, or null
   * @param requestBytes the request body's size in bytes, or a negative value when unknown
   * @param responseBytes the response body's size in bytes, or a negative value when unknown
   */
  void finished(UpDownCounter.Handle activeSeries, long startNanos, String method, int status, String route,
      String scheme, String protocol, Throwable thrown, long requestBytes, long responseBytes) {
    String normalizedMethod = HttpAttributes.method(method);
    (activeSeries != null ? activeSeries : active.bind(normalizedMethod, scheme)).add(-1);
    int effectiveStatus = status < 100 && thrown != null ? 500 : status;
    String statusCode = HttpAttributes.statusCode(effectiveStatus);
    String routeValue = route == null ? "" : route;
    String protocolVersion = HttpAttributes.protocolVersion(protocol);
    String errorType = HttpAttributes.serverErrorType(effectiveStatus, thrown);
    duration.bind(normalizedMethod, statusCode, routeValue, scheme, protocolVersion, errorType)
        .recordSince(startNanos);
    if (requestBodySize != null) {
      if (requestBytes >= 0) {
        requestBodySize.bind(normalizedMethod, statusCode, routeValue, scheme, protocolVersion, errorType)
            .record(requestBytes);
      }
      if (responseBytes >= 0) {
        responseBodySize.bind(normalizedMethod, statusCode, routeValue, scheme, protocolVersion, errorType)
            .record(responseBytes);
      }
    }
  }
}
