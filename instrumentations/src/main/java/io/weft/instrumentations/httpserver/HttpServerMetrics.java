package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.AttributeValues;
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

  /** The attributes of the duration and body-size histograms, in bind order (see {@link #bind}). */
  private static final AttributeKey[] REQUEST_KEYS = {
      AttributeKey.string("http.request.method"),
      AttributeKey.longKey("http.response.status_code").conditionallyRequired(),
      AttributeKey.string("http.route").conditionallyRequired(),
      AttributeKey.string("url.scheme"),
      AttributeKey.string("network.protocol.version").recommended(),
      AttributeKey.string("error.type").conditionallyRequired()};

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
        .attributes(REQUEST_KEYS)
        .register();
    active = registry.upDownCounter("http.server.active_requests")
        .unit("{request}")
        .description("Number of active HTTP server requests.")
        .attributes(AttributeKey.string("http.request.method"), AttributeKey.string("url.scheme"))
        .register();
    if (settings.bodySizes()) {
      // The conventions give no buckets for body sizes; these are the SDK defaults, as the
      // OpenTelemetry Java agent uses.
      requestBodySize = registry.histogram("http.server.request.body.size")
          .unit("By")
          .description("Size of HTTP server request bodies, as declared by Content-Length.")
          .buckets(Buckets.DEFAULT)
          .attributes(REQUEST_KEYS)
          .register();
      responseBodySize = registry.histogram("http.server.response.body.size")
          .unit("By")
          .description("Size of HTTP server response bodies, as declared by Content-Length.")
          .buckets(Buckets.DEFAULT)
          .attributes(REQUEST_KEYS)
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
    UpDownCounter.Handle handle = active.bind(active.values().set(0, HttpAttributes.method(method)).set(1, scheme));
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
    (activeSeries != null ? activeSeries : active.bind(active.values().set(0, normalizedMethod).set(1, scheme)))
        .add(-1);
    int effectiveStatus = status < 100 && thrown != null ? 500 : status;
    String protocolVersion = HttpAttributes.protocolVersion(protocol);
    String errorType = HttpAttributes.serverErrorType(effectiveStatus, thrown);
    bind(duration, normalizedMethod, effectiveStatus, route, scheme, protocolVersion, errorType).recordSince(startNanos);
    if (requestBodySize != null) {
      if (requestBytes >= 0) {
        bind(requestBodySize, normalizedMethod, effectiveStatus, route, scheme, protocolVersion, errorType)
            .record(requestBytes);
      }
      if (responseBytes >= 0) {
        bind(responseBodySize, normalizedMethod, effectiveStatus, route, scheme, protocolVersion, errorType)
            .record(responseBytes);
      }
    }
  }

  /**
   * The series of one request outcome in a histogram with {@link #REQUEST_KEYS}. Absent: the status
   * when none was sent, the route when none is known, the version when unknown, error.type on success.
   * Cost: one map look-up; no allocation once the combination is known.
   */
  private static Histogram.Handle bind(Histogram histogram, String method, int status, String route, String scheme,
      String protocolVersion, String errorType) {
    AttributeValues values = histogram.values().set(0, method);
    if (status >= 100 && status < 600) {
      values.set(1, status);
    }
    return histogram.bind(values.set(2, route).set(3, scheme).set(4, protocolVersion).set(5, errorType));
  }
}
