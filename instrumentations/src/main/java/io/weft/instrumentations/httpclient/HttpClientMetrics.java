package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.AttributeValues;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.semconv.HttpAttributes;

/**
 * The HTTP client instrument, per the OpenTelemetry HTTP semantic conventions, and the one place
 * that records into it. Every client's hooks end here, so the attribute rules are the same for all.
 */
public final class HttpClientMetrics {

  /** The instrument's name. */
  public static final String DURATION = "http.client.request.duration";
  private static final AttributeKey[] ATTRIBUTE_KEYS = {
      AttributeKey.string("http.request.method"),
      AttributeKey.longKey("http.response.status_code").conditionallyRequired(),
      AttributeKey.string("server.address"),
      AttributeKey.longKey("server.port"),
      AttributeKey.string("network.protocol.version").recommended(),
      AttributeKey.string("error.type").conditionallyRequired()};

  private static volatile HttpClientMetrics current;

  private final Histogram duration;

  private HttpClientMetrics(MetricRegistry registry) {
    duration = registry.histogram(DURATION)
        .unit("s")
        .description("Duration of HTTP client requests.")
        .buckets(Buckets.HTTP_SECONDS)
        .attributes(ATTRIBUTE_KEYS)
        .register();
  }

  /** Registers the instrument and makes the hooks record into it. */
  public static HttpClientMetrics install(MetricRegistry registry) {
    HttpClientMetrics m = new HttpClientMetrics(registry);
    current = m;
    return m;
  }

  /** The installed instance, or null when HTTP client metrics are off. */
  static HttpClientMetrics current() {
    return current;
  }

  /**
   * One request ended. Cost: one bind (a map look-up with the attribute values; no allocation once a
   * combination is known) and one histogram record. Unknown values are left out.
   *
   * @param method the request method as the caller gave it
   * @param host the host the caller addressed (a URI host), or null
   * @param port the port the caller addressed, or a value {@code <= 0} for the scheme's default
   * @param scheme {@code http} or {@code https}, for the default port
   * @param status the final response's status code, or a value below 100 when no response came
   * @param protocolVersion the response's {@code network.protocol.version} ({@code 1.1}, {@code 2})
   * @param thrown what the call threw (or failed its future with), or null
   */
  void record(long startNanos, String method, String host, int port, String scheme, int status,
      String protocolVersion, Throwable thrown) {
    boolean responded = status >= 100;
    AttributeValues values = duration.values().set(0, HttpAttributes.method(method));
    if (responded && status < 600) {
      values.set(1, status);
    }
    values.set(2, HttpAttributes.serverAddress(host));
    int serverPort = HttpAttributes.serverPort(port, scheme);
    if (serverPort > 0) {
      values.set(3, serverPort);
    }
    values.set(4, responded ? protocolVersion : null).set(5, HttpAttributes.clientErrorType(status, thrown));
    duration.bind(values).recordSince(startNanos);
  }
}
