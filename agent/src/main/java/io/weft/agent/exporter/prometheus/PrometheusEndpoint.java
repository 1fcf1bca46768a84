package io.weft.agent.exporter.prometheus;

import io.weft.agent.exporter.prometheus.security.ScrapeSecurity;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sidecar scrape endpoint: serves one registry to Prometheus over HTTP.
 *
 * <pre>{@code
 * PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry, resource, "127.0.0.1", 9464);
 * if (endpoint != null) {          // null: one error line was logged, the application runs on
 *   ... endpoint.port() ...
 *   endpoint.stop();
 * }
 * }</pre>
 *
 * <p>What it serves:
 * <ul>
 *   <li>{@code GET /metrics}: Prometheus text format 0.0.4, or OpenMetrics 1.0 when the
 *       {@code Accept} header names {@code application/openmetrics-text}; gzip-compressed when
 *       {@code Accept-Encoding} names {@code gzip}. {@code ?name[]=...} (repeatable) limits the
 *       answer to those metric families; a family matches by its text-format name
 *       ({@code weft_scrape_requests_total}, {@code target_info}) or its base name, the OpenMetrics
 *       family name ({@code weft_scrape_requests}, {@code target}). {@code HEAD /metrics} answers
 *       with the headers only and does not collect.
 *   <li>{@code GET|HEAD /-/healthy}: 200 {@code OK}.
 *   <li>Anything else: 404, or 405 with {@code Allow: GET, HEAD} for other methods. Malformed
 *       requests get 400, 414 or 431; a failed collection 500. Bodies are one line.
 * </ul>
 * Names follow {@link PrometheusNames}; the resource becomes {@code target_info}. Starting registers
 * {@code weft.scrape.requests} and {@code weft.scrape.duration} in the registry ({@link ScrapeMetrics}).
 *
 * <p>This class must not name {@code com.sun.net.httpserver} types: it checks for the
 * {@code jdk.httpserver} module before {@link ScrapeServer}, which does, is loaded, so that a runtime
 * without the module gets an error line instead of a {@link NoClassDefFoundError}.
 */
public final class PrometheusEndpoint {

  private static final String KEYS = "WEFT_PROMETHEUS_HOST/WEFT_PROMETHEUS_PORT";

  private final ScrapeServer server;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private PrometheusEndpoint(ScrapeServer server) {
    this.server = server;
  }

  /**
   * Starts serving {@code /metrics} on host:port (port 0 picks a free port). Never throws: on any
   * failure (port in use, no jdk.httpserver module) it logs one error line and returns null.
   */
  public static PrometheusEndpoint start(MetricRegistry registry, Resource resource, String host, int port) {
    return start(registry, resource, host, port, ScrapeSecurity.NONE);
  }

  /** As above, with TLS, basic auth and an allow-list as {@code security} says (loaded by the caller). */
  public static PrometheusEndpoint start(MetricRegistry registry, Resource resource, String host, int port,
      ScrapeSecurity security) {
    String address = address(host, port);
    ScrapeServer server = null;
    try {
      if (ModuleLayer.boot().findModule("jdk.httpserver").isEmpty()) {
        fail(address, "this Java runtime has no jdk.httpserver module (add it with"
            + " --add-modules jdk.httpserver, or to the jlink image)");
        return null;
      }
      InetSocketAddress socketAddress = new InetSocketAddress(host, port);
      if (socketAddress.isUnresolved()) {
        fail(address, "the host name cannot be resolved");
        return null;
      }
      server = ScrapeServer.bind(socketAddress, security);
      server.start(registry::collect, resource, ScrapeMetrics.register(registry));
      WeftLog.info("serving Prometheus metrics on " + (security.tlsOn() ? "https" : "http") + "://"
          + address(host, server.port()) + "/metrics");
      return new PrometheusEndpoint(server);
    } catch (Throwable t) {
      if (server != null) {
        stopQuietly(server);
      }
      fail(address, reason(t));
      return null;
    }
  }

  /** The bound address (the wildcard address when bound to every interface). */
  public InetSocketAddress address() {
    return server.address();
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** Stops serving; the port is free when this returns. Idempotent, never throws. */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      stopQuietly(server);
    }
  }

  private static void stopQuietly(ScrapeServer server) {
    try {
      server.stop();
    } catch (Throwable t) {
      WeftLog.debug("stopping the Prometheus endpoint failed: " + t);
    }
  }

  private static void fail(String address, String reason) {
    WeftLog.error(KEYS + ": cannot serve Prometheus metrics on " + address + ": " + reason
        + "; the Prometheus endpoint is off");
  }

  private static String reason(Throwable t) {
    if (t instanceof BindException) {
      return "the address is already in use or not available on this machine (" + t.getMessage() + ")";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String address(String host, int port) {
    if (host == null) {
      return "null:" + port;
    }
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
