package io.weft.agent.exporter.prometheus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Gauge;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.metrics.UpDownCounter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

  /** What Prometheus 2.x sends. */
  static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0;q=0.5,"
      + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
  static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  /** The endpoint's own scrape-duration histogram before any scrape: the same in both formats. */
  static final String NO_SCRAPE_DURATIONS = """
      weft_scrape_duration_seconds_bucket{le="0.005"} 0
      weft_scrape_duration_seconds_bucket{le="0.01"} 0
      weft_scrape_duration_seconds_bucket{le="0.025"} 0
      weft_scrape_duration_seconds_bucket{le="0.05"} 0
      weft_scrape_duration_seconds_bucket{le="0.075"} 0
      weft_scrape_duration_seconds_bucket{le="0.1"} 0
      weft_scrape_duration_seconds_bucket{le="0.25"} 0
      weft_scrape_duration_seconds_bucket{le="0.5"} 0
      weft_scrape_duration_seconds_bucket{le="0.75"} 0
      weft_scrape_duration_seconds_bucket{le="1.0"} 0
      weft_scrape_duration_seconds_bucket{le="2.5"} 0
      weft_scrape_duration_seconds_bucket{le="5.0"} 0
      weft_scrape_duration_seconds_bucket{le="7.5"} 0
      weft_scrape_duration_seconds_bucket{le="10.0"} 0
      weft_scrape_duration_seconds_bucket{le="+Inf"} 0
      weft_scrape_duration_seconds_count 0
      weft_scrape_duration_seconds_sum 0.0
      """;

  static final String TEXT = """
      # HELP app_active_requests Requests in flight.
      # TYPE app_active_requests gauge
      app_active_requests{http_request_method="GET"} 2.0
      app_active_requests{http_request_method="POST"} 0.0
      # HELP app_memory_used_bytes Memory in use.
      # TYPE app_memory_used_bytes gauge
      app_memory_used_bytes{pool="heap"} 1024.0
      # HELP app_request_duration_seconds Request duration.
      # TYPE app_request_duration_seconds histogram
      app_request_duration_seconds_bucket{http_route="/users/{id}",le="0.1"} 1
      app_request_duration_seconds_bucket{http_route="/users/{id}",le="1.0"} 2
      app_request_duration_seconds_bucket{http_route="/users/{id}",le="+Inf"} 3
      app_request_duration_seconds_count{http_route="/users/{id}"} 3
      app_request_duration_seconds_sum{http_route="/users/{id}"} 2.5625
      # HELP app_requests_total Requests handled.
      # TYPE app_requests_total counter
      app_requests_total{http_request_method="GET",http_response_status_code="200"} 3.0
      app_requests_total{http_request_method="POST",http_response_status_code="500"} 1.0
      # HELP target_info Target metadata
      # TYPE target_info gauge
      target_info{service_instance_id="a1",service_name="checkout",telemetry_sdk_language="java"} 1
      # HELP weft_scrape_duration_seconds Time to collect and encode a /metrics response, sending not included.
      # TYPE weft_scrape_duration_seconds histogram
      """ + NO_SCRAPE_DURATIONS + """
      # HELP weft_scrape_requests_total Requests to the Prometheus endpoint's /metrics, by response status code.
      # TYPE weft_scrape_requests_total counter
      weft_scrape_requests_total{http_response_status_code="200"} 0.0
      weft_scrape_requests_total{http_response_status_code="500"} 0.0
      """;

  static final String OPENMETRICS = """
      # TYPE app_active_requests gauge
      # HELP app_active_requests Requests in flight.
      app_active_requests{http_request_method="GET"} 2.0
      app_active_requests{http_request_method="POST"} 0.0
      # TYPE app_memory_used_bytes gauge
      # UNIT app_memory_used_bytes bytes
      # HELP app_memory_used_bytes Memory in use.
      app_memory_used_bytes{pool="heap"} 1024.0
      # TYPE app_request_duration_seconds histogram
      # UNIT app_request_duration_seconds seconds
      # HELP app_request_duration_seconds Request duration.
      app_request_duration_seconds_bucket{http_route="/users/{id}",le="0.1"} 1
      app_request_duration_seconds_bucket{http_route="/users/{id}",le="1.0"} 2
      app_request_duration_seconds_bucket{http_route="/users/{id}",le="+Inf"} 3
      app_request_duration_seconds_count{http_route="/users/{id}"} 3
      app_request_duration_seconds_sum{http_route="/users/{id}"} 2.5625
      # TYPE app_requests counter
      # HELP app_requests Requests handled.
      app_requests_total{http_request_method="GET",http_response_status_code="200"} 3.0
      app_requests_total{http_request_method="POST",http_response_status_code="500"} 1.0
      # TYPE target info
      # HELP target Target metadata
      target_info{service_instance_id="a1",service_name="checkout",telemetry_sdk_language="java"} 1
      # TYPE weft_scrape_duration_seconds histogram
      # UNIT weft_scrape_duration_seconds seconds
      # HELP weft_scrape_duration_seconds Time to collect and encode a /metrics response, sending not included.
      """ + NO_SCRAPE_DURATIONS + """
      # TYPE weft_scrape_requests counter
      # HELP weft_scrape_requests Requests to the Prometheus endpoint's /metrics, by response status code.
      weft_scrape_requests_total{http_response_status_code="200"} 0.0
      weft_scrape_requests_total{http_response_status_code="500"} 0.0
      # EOF
      """;

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private MetricRegistry registry;
  private PrometheusEndpoint endpoint;

  @BeforeEach
  void startEndpoint() {
    WeftLog.setOutput(new PrintStream(log, true, UTF_8));
    registry = new MetricRegistry();
    recordSmallApplication(registry);
    endpoint = PrometheusEndpoint.start(registry, resource(), "127.0.0.1", 0);
    assertNotNull(endpoint);
  }

  @AfterEach
  void stopEndpoint() {
    if (endpoint != null) {
      endpoint.stop();
    }
    WeftLog.setOutput(System.err);
  }

  /**
   * A counter with attributes, an up-down counter, a gauge and a histogram with buckets; the
   * endpoint adds its own metrics, which start at zero.
   */
  static void recordSmallApplication(MetricRegistry registry) {
    Counter requests = registry.counter("app.requests").unit("{request}").description("Requests handled.")
        .attributeKeys("http.request.method", "http.response.status_code").register();
    requests.bind("GET", "200").add(3);
    requests.bind("POST", "500").inc();
    UpDownCounter active = registry.upDownCounter("app.active_requests").unit("{request}")
        .description("Requests in flight.").attributeKeys("http.request.method").register();
    active.bind("GET").add(2);
    active.bind("POST").add(1);
    active.bind("POST").add(-1);
    Gauge memory = registry.gauge("app.memory.used").unit("By").description("Memory in use.")
        .attributeKeys("pool").register();
    memory.bind("heap").set(1024);
    Histogram duration = registry.histogram("app.request.duration").unit("s").description("Request duration.")
        .buckets(0.1, 1).attributeKeys("http.route").register();
    Histogram.Handle users = duration.bind("/users/{id}");
    users.record(0.0625);
    users.record(0.5);
    users.record(2);
  }

  static Resource resource() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("service.name", "checkout");
    attributes.put("service.instance.id", "a1");
    attributes.put("telemetry.sdk.language", "java");
    return new Resource(attributes);
  }

  @Test
  void logsTheChosenPortOnce() {
    assertTrue(endpoint.port() > 0);
    assertEquals("[weft] INFO serving Prometheus metrics on http://127.0.0.1:" + endpoint.port() + "/metrics\n",
        log.toString(UTF_8));
  }

  @Test
  void servesThePrometheusTextFormatByDefault() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertEquals(TEXT_CONTENT_TYPE, header(response, "Content-Type"));
    assertEquals(TEXT, response.body());
  }

  @Test
  void servesOpenMetricsWhenTheAcceptHeaderAsksForIt() throws Exception {
    HttpResponse<String> response = get("/metrics", "Accept", PROMETHEUS_ACCEPT);
    assertEquals(200, response.statusCode());
    assertEquals(OPENMETRICS_CONTENT_TYPE, header(response, "Content-Type"));
    assertEquals(OPENMETRICS, response.body());
  }

  @Test
  void compressesWithGzipWhenTheClientAcceptsIt() throws Exception {
    HttpResponse<byte[]> response = client.send(request("/metrics").header("Accept-Encoding", "gzip, deflate").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("gzip", header(response, "Content-Encoding"));
    assertEquals(String.valueOf(response.body().length), header(response, "Content-Length"));
    assertEquals(TEXT, gunzip(response.body()));
  }

  @Test
  void compressesOpenMetricsToo() throws Exception {
    HttpResponse<byte[]> response = client.send(request("/metrics")
            .header("Accept", PROMETHEUS_ACCEPT).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(OPENMETRICS_CONTENT_TYPE, header(response, "Content-Type"));
    assertEquals(OPENMETRICS, gunzip(response.body()));
  }

  @Test
  void doesNotCompressWhenGzipIsRefused() throws Exception {
    HttpResponse<String> response = get("/metrics", "Accept-Encoding", "gzip;q=0, identity");
    assertEquals(Optional.empty(), response.headers().firstValue("Content-Encoding"));
    assertEquals(TEXT, response.body());
  }

  @Test
  void filtersByTextFormatNames() throws Exception {
    HttpResponse<String> response = get("/metrics?name[]=app_requests_total&name[]=app_memory_used_bytes");
    assertEquals(200, response.statusCode());
    assertEquals("""
        # HELP app_memory_used_bytes Memory in use.
        # TYPE app_memory_used_bytes gauge
        app_memory_used_bytes{pool="heap"} 1024.0
        # HELP app_requests_total Requests handled.
        # TYPE app_requests_total counter
        app_requests_total{http_request_method="GET",http_response_status_code="200"} 3.0
        app_requests_total{http_request_method="POST",http_response_status_code="500"} 1.0
        """, response.body());
  }

  @Test
  void filtersByBaseNamesAndPercentEncodedParameters() throws Exception {
    HttpResponse<String> response = get("/metrics?name%5B%5D=app_requests&name[]=target",
        "Accept", PROMETHEUS_ACCEPT);
    assertEquals("""
        # TYPE app_requests counter
        # HELP app_requests Requests handled.
        app_requests_total{http_request_method="GET",http_response_status_code="200"} 3.0
        app_requests_total{http_request_method="POST",http_response_status_code="500"} 1.0
        # TYPE target info
        # HELP target Target metadata
        target_info{service_instance_id="a1",service_name="checkout",telemetry_sdk_language="java"} 1
        # EOF
        """, response.body());
  }

  @Test
  void aFilterThatMatchesNothingGivesAnEmptyBody() throws Exception {
    HttpResponse<String> response = get("/metrics?name[]=no_such_metric");
    assertEquals(200, response.statusCode());
    assertEquals("", response.body());
  }

  @Test
  void headAnswersWithHeadersAndNoBody() throws Exception {
    HttpResponse<String> response = client.send(request("/metrics")
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("Accept", PROMETHEUS_ACCEPT).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals(OPENMETRICS_CONTENT_TYPE, header(response, "Content-Type"));
    assertEquals(Optional.empty(), response.headers().firstValue("Content-Encoding"));
    assertEquals("", response.body());
  }

  @Test
  void healthCheckAnswers200() throws Exception {
    HttpResponse<String> response = get("/-/healthy");
    assertEquals(200, response.statusCode());
    assertEquals("text/plain; charset=utf-8", header(response, "Content-Type"));
    assertEquals("OK\n", response.body());
    HttpResponse<String> head = client.send(request("/-/healthy")
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
  }

  @Test
  void otherPathsAre404() throws Exception {
    for (String path : List.of("/", "/metrics/", "/metricsx", "/-/ready", "/favicon.ico")) {
      HttpResponse<String> response = get(path);
      assertEquals(404, response.statusCode(), path);
      assertEquals("Not Found\n", response.body(), path);
    }
  }

  @Test
  void otherMethodsAre405WithAnAllowHeader() throws Exception {
    for (String path : List.of("/metrics", "/-/healthy")) {
      for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
        HttpResponse<String> response = client.send(request(path)
            .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode(), method + " " + path);
        assertEquals("GET, HEAD", header(response, "Allow"), method + " " + path);
        assertEquals("Method Not Allowed: use GET or HEAD\n", response.body(), method + " " + path);
      }
    }
  }

  @Test
  void malformedPercentEncodingIsRejectedWith400() throws Exception {
    // HttpClient refuses to send this, so it goes over a raw socket; the JDK server answers it.
    String statusLine = rawRequest("GET /metrics?name[]=%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals("HTTP/1.1 400 Bad Request", statusLine);
    assertEquals(200, get("/-/healthy").statusCode());
    assertEquals("", logAfterStart());
  }

  @Test
  void anOverlongQueryIsRejectedWith414() throws Exception {
    HttpResponse<String> response = get("/metrics?name[]=" + "a".repeat(ScrapeHandler.MAX_QUERY_CHARS));
    assertEquals(414, response.statusCode());
    assertEquals("URI Too Long: the query is over 8192 characters\n", response.body());
  }

  @Test
  void largeHeadersAreRejectedWith431() throws Exception {
    HttpResponse<String> response = get("/metrics", "X-Padding", "p".repeat(20_000));
    assertEquals(431, response.statusCode());
    assertEquals("Request Header Fields Too Large: over 16384 bytes\n", response.body());
  }

  @Test
  void hugeHeadersCloseTheConnectionAndTheServerCarriesOn() throws Exception {
    // The server answers 431 after 16 KiB and closes; the client, still sending, may see the 431 or
    // only the closed connection.
    try {
      assertEquals(431, get("/metrics", "X-Padding", "p".repeat(1_000_000)).statusCode());
    } catch (IOException closedWhileSending) {
      // the other allowed outcome
    }
    assertEquals(200, get("/-/healthy").statusCode());
    assertEquals(TEXT, get("/metrics").body());
    assertEquals("", logAfterStart());
  }

  @Test
  void aPortInUseGivesNullAndOneErrorLine() {
    log.reset();
    MetricRegistry other = new MetricRegistry();
    PrometheusEndpoint second = PrometheusEndpoint.start(other, resource(), "127.0.0.1", endpoint.port());
    assertNull(second);
    assertEquals("[weft] ERROR WEFT_PROMETHEUS_HOST/WEFT_PROMETHEUS_PORT: cannot serve Prometheus metrics on"
            + " 127.0.0.1:" + endpoint.port() + ": the address is already in use or not available on this"
            + " machine (Address already in use); the Prometheus endpoint is off\n",
        log.toString(UTF_8));
  }

  @Test
  void anUnresolvableHostGivesNullAndOneErrorLine() {
    log.reset();
    assertNull(PrometheusEndpoint.start(new MetricRegistry(), resource(), "no-such-host.invalid", 0));
    assertEquals("[weft] ERROR WEFT_PROMETHEUS_HOST/WEFT_PROMETHEUS_PORT: cannot serve Prometheus metrics on"
            + " no-such-host.invalid:0: the host name cannot be resolved; the Prometheus endpoint is off\n",
        log.toString(UTF_8));
  }

  @Test
  void stopFreesThePortAndIsIdempotent() throws Exception {
    int port = endpoint.port();
    endpoint.stop();
    endpoint.stop();
    assertThrows(IOException.class, () -> get("/-/healthy"));
    endpoint = PrometheusEndpoint.start(registry, resource(), "127.0.0.1", port);
    assertNotNull(endpoint);
    assertEquals(200, get("/-/healthy").statusCode());
  }

  @Test
  void selfMetricsCountRequestsToMetricsByStatusCode() throws Exception {
    assertEquals(200, get("/metrics").statusCode());
    assertEquals(200, get("/metrics", "Accept", PROMETHEUS_ACCEPT).statusCode());
    assertEquals(200, client.send(request("/metrics").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(405, client.send(request("/metrics").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(414, get("/metrics?x=" + "a".repeat(9000)).statusCode());
    // Not /metrics: not counted.
    assertEquals(404, get("/other").statusCode());
    assertEquals(200, get("/-/healthy").statusCode());

    assertEquals("""
        # HELP weft_scrape_requests_total Requests to the Prometheus endpoint's /metrics, by response status code.
        # TYPE weft_scrape_requests_total counter
        weft_scrape_requests_total{http_response_status_code="200"} 3.0
        weft_scrape_requests_total{http_response_status_code="405"} 1.0
        weft_scrape_requests_total{http_response_status_code="414"} 1.0
        weft_scrape_requests_total{http_response_status_code="500"} 0.0
        """, get("/metrics?name[]=weft_scrape_requests_total").body());

    // Six requests so far, the previous filtered scrape included; durations vary, counts do not.
    List<String> duration = get("/metrics?name[]=weft_scrape_duration_seconds").body().lines().toList();
    assertEquals("# HELP weft_scrape_duration_seconds Time to collect and encode a /metrics response,"
        + " sending not included.", duration.get(0));
    assertEquals("# TYPE weft_scrape_duration_seconds histogram", duration.get(1));
    assertEquals(15 + 2 + 2, duration.size());
    assertEquals("weft_scrape_duration_seconds_bucket{le=\"+Inf\"} 6", duration.get(16));
    assertEquals("weft_scrape_duration_seconds_count 6", duration.get(17));
    assertTrue(duration.get(18).startsWith("weft_scrape_duration_seconds_sum "), duration.get(18));
  }

  @Test
  void scrapesWhileOtherThreadsRecordAllSucceed() throws Exception {
    Counter events = registry.counter("app.events").attributeKeys("worker").register();
    Histogram latency = registry.histogram("app.latency").unit("s").buckets(0.01, 0.1).register();
    AtomicBoolean scraping = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> recorders = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        int recorder = r;
        recorders.add(pool.submit(() -> {
          long n = 0;
          while (scraping.get()) {
            events.bind("w" + recorder + "-" + (n % 50)).inc();
            latency.bind().record((n % 200) / 1000.0);
            n++;
          }
          return n;
        }));
      }
      List<Future<List<Integer>>> scrapers = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        scrapers.add(pool.submit((Callable<List<Integer>>) () -> {
          List<Integer> statuses = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            HttpResponse<String> response = get("/metrics");
            statuses.add(response.statusCode());
            assertTrue(response.body().contains("# TYPE app_requests_total counter\n"));
          }
          return statuses;
        }));
      }
      for (Future<List<Integer>> scraper : scrapers) {
        assertEquals(List.of(200), scraper.get(60, TimeUnit.SECONDS).stream().distinct().toList());
      }
      scraping.set(false);
      for (Future<?> recorder : recorders) {
        assertTrue((Long) recorder.get(10, TimeUnit.SECONDS) > 0);
      }
    } finally {
      scraping.set(false);
      pool.shutdownNow();
    }
    assertEquals("""
        # HELP weft_scrape_requests_total Requests to the Prometheus endpoint's /metrics, by response status code.
        # TYPE weft_scrape_requests_total counter
        weft_scrape_requests_total{http_response_status_code="200"} 100.0
        weft_scrape_requests_total{http_response_status_code="500"} 0.0
        """, get("/metrics?name[]=weft_scrape_requests_total").body());
    assertEquals("", logAfterStart());
  }

  private String logAfterStart() {
    String all = log.toString(UTF_8);
    return all.substring(all.indexOf('\n') + 1);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + pathAndQuery));
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder builder = request(pathAndQuery).GET();
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  static String gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", endpoint.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      StringBuilder line = new StringBuilder();
      InputStream in = socket.getInputStream();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    }
  }
}
