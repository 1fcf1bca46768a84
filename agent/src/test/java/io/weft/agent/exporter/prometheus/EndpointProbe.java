package io.weft.agent.exporter.prometheus;

import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;

/**
 * A main class for {@link ForkedJvmTest}: starts the endpoint from the (non-daemon) main thread,
 * scrapes it once and returns from main while the endpoint is still running.
 */
public final class EndpointProbe {

  private EndpointProbe() {}

  public static void main(String[] args) throws Exception {
    MetricRegistry registry = new MetricRegistry();
    PrometheusEndpoint endpoint =
        PrometheusEndpoint.start(registry, new Resource(Map.of("service.name", "probe")), "127.0.0.1", 0);
    if (endpoint == null) {
      System.out.println("no endpoint");
      return;
    }
    HttpURLConnection scrape =
        (HttpURLConnection) new URL("http://127.0.0.1:" + endpoint.port() + "/metrics").openConnection();
    try (InputStream body = scrape.getInputStream()) {
      System.out.println("scrape " + scrape.getResponseCode() + ", " + body.readAllBytes().length + " bytes");
    }
  }
}
