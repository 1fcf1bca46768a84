package io.weft.agent.exporter.prometheus;

import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;

/** The sidecar scrape endpoint. Placeholder until the endpoint lands: starts nothing. */
public final class PrometheusEndpoint {
  private PrometheusEndpoint() {}

  /**
   * Starts serving {@code /metrics} on host:port (port 0 picks a free port). Never throws: on any
   * failure (port in use, no jdk.httpserver module) it logs one error line and returns null.
   */
  public static PrometheusEndpoint start(MetricRegistry registry, Resource resource, String host, int port) {
    WeftLog.error("the Prometheus endpoint is not built yet");
    return null;
  }

  /** The bound port. */
  public int port() {
    return -1;
  }

  /** Stops serving. */
  public void stop() {}
}
