package io.weft.benchmarks;

import io.weft.agent.exporter.prometheus.PrometheusEndpoint;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scrape of 10,000 series through the real endpoint over loopback: 8 counters and 2 histograms
 * (HTTP buckets), each with 1,000 attribute combinations, in Prometheus text and in OpenMetrics.
 * Measures collection, conversion, writing and the HTTP exchange, single-threaded (a scrape is
 * one request at a time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ScrapeBenchmark {

  private PrometheusEndpoint endpoint;
  private HttpClient client;
  private HttpRequest text;
  private HttpRequest openMetrics;

  @Setup
  public void setUp() {
    MetricRegistry registry = new MetricRegistry();
    for (int m = 0; m < 8; m++) {
      Counter c = registry.counter("bench.requests." + m).unit("{request}").description("Requests.")
          .attributeKeys("http.route", "http.response.status_code").register();
      for (int s = 0; s < 1000; s++) {
        c.bind("/route/" + (s / 10), Integer.toString(200 + s % 10)).add(s);
      }
    }
    for (int m = 0; m < 2; m++) {
      Histogram h = registry.histogram("bench.duration." + m).unit("s").description("Durations.")
          .buckets(Buckets.HTTP_SECONDS).attributeKeys("http.route", "http.response.status_code").register();
      for (int s = 0; s < 1000; s++) {
        h.bind("/route/" + (s / 10), Integer.toString(200 + s % 10)).record(s / 1000.0);
      }
    }
    endpoint = PrometheusEndpoint.start(registry,
        new Resource(Map.of("service.name", "bench", "telemetry.sdk.name", "weft")), "127.0.0.1", 0);
    client = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics");
    text = HttpRequest.newBuilder(uri).build();
    openMetrics = HttpRequest.newBuilder(uri)
        .header("Accept", "application/openmetrics-text; version=1.0.0").build();
  }

  @TearDown
  public void tearDown() {
    endpoint.stop();
  }

  @Benchmark
  public int scrape10kSeries_text() throws IOException, InterruptedException {
    return client.send(text, HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int scrape10kSeries_openMetrics() throws IOException, InterruptedException {
    return client.send(openMetrics, HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }
}
