package io.weft.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.weft.agent.exporter.prometheus.PrometheusEndpoint;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * One scrape of 10,000 series, Weft beside Prometheus client_java 1.x on the same data: 8 counters
 * and 2 histograms (the 14 HTTP semantic-convention buckets), each with 1,000 combinations of {@code
 * http_route} and {@code http_response_status_code}, in Prometheus text and in OpenMetrics.
 *
 * <ul>
 *   <li>{@code scrape10kSeries*_weft}: Weft's real endpoint over loopback (collection, conversion,
 *       writing and the HTTP exchange).
 *   <li>{@code scrape10kSeries*_prometheus}: the same data in client_java's own {@code
 *       PrometheusRegistry}, scraped and written by its {@code PrometheusTextFormatWriter} / {@code
 *       OpenMetricsTextFormatWriter} behind a JDK {@code HttpServer} over loopback, as client_java's
 *       own HTTP server does: the like-for-like comparison.
 *   <li>{@code encode10kSeries*_prometheus}: client_java's scrape and writer alone, in process, into
 *       a reused buffer: what its encoding costs without the HTTP exchange.
 * </ul>
 *
 * <p>Single-threaded (a scrape is one request at a time); run with {@code -prof gc} for the bytes
 * per scrape; {@code benchmarks/run-jmh} puts each {@code _weft} method beside its {@code _prometheus}
 * twin. JMH's allocation figure counts every thread of the benchmark JVM, so the server side
 * and the client side of the loopback exchange are both in it, alike for both libraries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ScrapeBenchmark {

  private static final int METRICS_PER_KIND = 8;
  private static final int HISTOGRAMS = 2;
  private static final int SERIES_PER_METRIC = 1000;
  /** The semantic-convention HTTP duration buckets, as {@link Buckets#HTTP_SECONDS}. */
  private static final double[] HTTP_SECONDS =
      {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};
  private static final String OPENMETRICS_ACCEPT = "application/openmetrics-text; version=1.0.0";

  private PrometheusEndpoint endpoint;
  private HttpServer clientJavaServer;
  private ExecutorService clientJavaServerThread;
  private PrometheusRegistry clientJavaRegistry;
  private final PrometheusTextFormatWriter textWriter = PrometheusTextFormatWriter.create();
  private final OpenMetricsTextFormatWriter openMetricsWriter = OpenMetricsTextFormatWriter.create();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(2 * 1024 * 1024);
  private HttpClient client;
  private HttpRequest text;
  private HttpRequest openMetrics;
  private HttpRequest clientJavaText;
  private HttpRequest clientJavaOpenMetrics;

  @Setup
  public void setUp() throws IOException {
    MetricRegistry registry = new MetricRegistry();
    for (int m = 0; m < METRICS_PER_KIND; m++) {
      Counter c = registry.counter("bench.requests." + m).unit("{request}").description("Requests.")
          .attributeKeys("http.route", "http.response.status_code").register();
      for (int s = 0; s < SERIES_PER_METRIC; s++) {
        c.bind(route(s), status(s)).add(s);
      }
    }
    for (int m = 0; m < HISTOGRAMS; m++) {
      Histogram h = registry.histogram("bench.duration." + m).unit("s").description("Durations.")
          .buckets(Buckets.HTTP_SECONDS).attributeKeys("http.route", "http.response.status_code").register();
      for (int s = 0; s < SERIES_PER_METRIC; s++) {
        h.bind(route(s), status(s)).record(s / 1000.0);
      }
    }
    endpoint = PrometheusEndpoint.start(registry,
        new Resource(Map.of("service.name", "bench", "telemetry.sdk.name", "weft")), "127.0.0.1", 0);

    clientJavaRegistry = new PrometheusRegistry();
    for (int m = 0; m < METRICS_PER_KIND; m++) {
      io.prometheus.metrics.core.metrics.Counter c = io.prometheus.metrics.core.metrics.Counter.builder()
          .name("bench_requests_" + m).help("Requests.").labelNames("http_route", "http_response_status_code")
          .register(clientJavaRegistry);
      for (int s = 0; s < SERIES_PER_METRIC; s++) {
        c.labelValues(route(s), status(s)).inc(s);
      }
    }
    for (int m = 0; m < HISTOGRAMS; m++) {
      io.prometheus.metrics.core.metrics.Histogram h = io.prometheus.metrics.core.metrics.Histogram.builder()
          .name("bench_duration_" + m + "_seconds").help("Durations.").classicOnly().classicUpperBounds(HTTP_SECONDS)
          .labelNames("http_route", "http_response_status_code").register(clientJavaRegistry);
      for (int s = 0; s < SERIES_PER_METRIC; s++) {
        h.labelValues(route(s), status(s)).observe(s / 1000.0);
      }
    }
    clientJavaServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    clientJavaServerThread = Executors.newSingleThreadExecutor();
    clientJavaServer.setExecutor(clientJavaServerThread);
    clientJavaServer.createContext("/metrics", exchange -> {
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      ExpositionFormatWriter writer = openMetricsWriter.accepts(accept) ? openMetricsWriter : textWriter;
      ByteArrayOutputStream body = new ByteArrayOutputStream(lastSize);
      writer.write(body, clientJavaRegistry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
      lastSize = body.size();
      exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    });
    clientJavaServer.start();

    client = HttpClient.newHttpClient();
    URI weft = URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics");
    text = HttpRequest.newBuilder(weft).build();
    openMetrics = HttpRequest.newBuilder(weft).header("Accept", OPENMETRICS_ACCEPT).build();
    URI clientJava = URI.create("http://127.0.0.1:" + clientJavaServer.getAddress().getPort() + "/metrics");
    clientJavaText = HttpRequest.newBuilder(clientJava).build();
    clientJavaOpenMetrics = HttpRequest.newBuilder(clientJava).header("Accept", OPENMETRICS_ACCEPT).build();
  }

  /** Size of the last client_java body, to size the next buffer as Weft's endpoint does. */
  private volatile int lastSize = 8 * 1024;

  private static String route(int series) {
    return "/route/" + (series / 10);
  }

  private static String status(int series) {
    return Integer.toString(200 + series % 10);
  }

  @TearDown
  public void tearDown() {
    endpoint.stop();
    clientJavaServer.stop(0);
    clientJavaServerThread.shutdownNow();
  }

  @Benchmark
  public int scrape10kSeriesText_weft() throws IOException, InterruptedException {
    return client.send(text, HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int scrape10kSeriesOpenMetrics_weft() throws IOException, InterruptedException {
    return client.send(openMetrics, HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int scrape10kSeriesText_prometheus() throws IOException, InterruptedException {
    return client.send(clientJavaText, HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int scrape10kSeriesOpenMetrics_prometheus() throws IOException, InterruptedException {
    return client.send(clientJavaOpenMetrics, HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int encode10kSeriesText_prometheus() throws IOException {
    buffer.reset();
    textWriter.write(buffer, clientJavaRegistry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    return buffer.size();
  }

  @Benchmark
  public int encode10kSeriesOpenMetrics_prometheus() throws IOException {
    buffer.reset();
    openMetricsWriter.write(buffer, clientJavaRegistry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    return buffer.size();
  }
}
