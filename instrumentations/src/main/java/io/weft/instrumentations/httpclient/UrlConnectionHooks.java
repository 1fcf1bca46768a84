package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.log.WeftLog;
import io.weft.instrumentations.weakstate.WeakIdentityMap;
import java.net.URL;

/**
 * What code woven into the JDK's {@code HttpURLConnection} calls. A connection is one request, reached
 * through any mix of {@code connect}, {@code getOutputStream}, {@code getInputStream}, {@code
 * getResponseCode} and the header getters, each possibly called more than once; these hooks turn
 * them into one measurement per connection:
 *
 * <ul>
 *   <li>it starts at the first outermost hooked call on the connection (the URL and method are
 *       taken then; the method again at each later call that ends without a response, since {@code
 *       getOutputStream} turns a GET into a POST);
 *   <li>it ends at the first outermost call that returns or throws once the status line was read
 *       ({@code responseCode} set: recorded with the status, whether or not the call threw, as it
 *       does for 4xx), or that throws before any response (recorded with the exception);
 *   <li>later calls find the outcome in the connection itself ({@code responseCode} set, or the
 *       failure kept in {@code rememberedException}, which the JDK rethrows without a new attempt)
 *       and are ignored. After a failed {@code connect} or {@code getOutputStream} the JDK keeps no
 *       such failure and tries again on the next call: that attempt is a new measurement.
 * </ul>
 *
 * <p>The measurement in progress lives in a {@link WeakIdentityMap} keyed by the connection, since a
 * retransformed JDK class cannot get a field; it is removed when recorded, so the map holds only
 * connections between their first call and their response (and, until collected, those whose
 * response is never asked for: they are never recorded). Neither method ever throws.
 */
public final class UrlConnectionHooks {

  static final WeakIdentityMap<Measurement> MEASUREMENTS = new WeakIdentityMap<>();

  private UrlConnectionHooks() {}

  /**
   * On entry to {@code connect}, {@code getOutputStream} or {@code getInputStream}. Cost: a map
   * look-up; the first call also allocates the measurement and its map entry.
   *
   * @param responseCode the connection's {@code responseCode} field: -1 until a status line was read
   * @param rememberedFailure the connection's {@code rememberedException}: non-null once reading the
   *     response failed (null where the woven class cannot read it)
   */
  public static void enter(Object connection, URL url, String method, int responseCode, Object rememberedFailure) {
    if (!OutermostCall.enter() || responseCode != -1 || rememberedFailure != null) {
      return;
    }
    try {
      if (MEASUREMENTS.get(connection) == null) {
        MEASUREMENTS.putIfAbsent(connection, new Measurement(System.nanoTime(), url, method));
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * On every exit from those methods.
   *
   * @param responseCode the connection's {@code responseCode} field: the status, or -1 before a
   *     status line was read
   * @param method the connection's request method now
   */
  public static void exit(Object connection, Throwable thrown, int responseCode, String method) {
    if (!OutermostCall.exit()) {
      return;
    }
    try {
      Measurement m = MEASUREMENTS.get(connection);
      if (m == null) {
        return;
      }
      if (responseCode == -1 && thrown == null) {
        m.method = method;
        return;
      }
      HttpClientMetrics metrics = HttpClientMetrics.current();
      // Removing is the one atomic step: only the call that removes the measurement records it.
      if (MEASUREMENTS.remove(connection) == m && metrics != null) {
        URL url = m.url;
        // HttpURLConnection speaks HTTP/1.1 only.
        metrics.record(m.startNanos, m.method, url == null ? null : url.getHost(), url == null ? -1 : url.getPort(),
            url == null ? null : url.getProtocol(), responseCode, "1.1", responseCode == -1 ? thrown : null);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  private static void failed(Throwable t) {
    WeftLog.warnLimited("http.client.urlconnection",
        "recording an HttpURLConnection request failed; the request is unaffected: " + t);
  }

  /** One connection's request, from its first call until it is recorded. Holds no reference to the connection. */
  static final class Measurement {
    final long startNanos;
    final URL url;
    volatile String method;

    Measurement(long startNanos, URL url, String method) {
      this.startNanos = startNanos;
      this.url = url;
      this.method = method;
    }
  }
}
