package io.weft.agent.exporter.prometheus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScrapeServerTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ScrapeServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
    WeftLog.setOutput(System.err);
  }

  @Test
  void aFailedCollectionGives500WithOneLineAndARateLimitedWarning() throws Exception {
    WeftLog.setOutput(new PrintStream(log, true, UTF_8));
    MetricRegistry registry = new MetricRegistry();
    Supplier<RegistrySnapshot> broken = () -> {
      throw new IllegalStateException("the registry is broken");
    };
    server = ScrapeServer.bind(new InetSocketAddress("127.0.0.1", 0));
    server.start(broken, null, ScrapeMetrics.register(registry));

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(500, response.statusCode());
      assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
      assertEquals("Internal Server Error: collecting metrics failed\n", response.body());
    }
    assertEquals("[weft] WARN collecting metrics for a Prometheus scrape failed; the scrape got a 500:"
        + " java.lang.IllegalStateException: the registry is broken\n", log.toString(UTF_8));
    NumberPoint failed = (NumberPoint) registry.collect().find(ScrapeMetrics.REQUESTS).points().stream()
        .filter(p -> "500".equals(p.attributes().get("http.response.status_code")))
        .findFirst().orElseThrow();
    assertEquals(3.0, failed.value());
  }
}
