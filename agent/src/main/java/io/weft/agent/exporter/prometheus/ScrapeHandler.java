package io.weft.agent.exporter.prometheus;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Answers every request of the scrape server: {@code GET|HEAD /metrics} with the registry in the
 * negotiated format, {@code GET|HEAD /-/healthy} with 200, anything else with 404 or 405.
 *
 * <p>The response is built completely before anything is sent, so a failure while collecting or
 * encoding still becomes a clean 500, and the self-metrics are recorded before the client can see
 * the response (the next scrape counts this one). Nothing ever escapes {@link #handle}: an exception
 * thrown into the JDK server would only be logged by it and drop the connection. Error bodies are
 * one line of text, without stack traces or versions.
 *
 * <p>{@code HEAD /metrics} answers with the headers a GET would have, except the payload ones
 * ({@code Content-Encoding}, {@code Content-Length}), and does not collect.
 */
final class ScrapeHandler implements HttpHandler {

  static final String METRICS_PATH = "/metrics";
  static final String HEALTH_PATH = "/-/healthy";

  /** Request headers beyond this many bytes get 431 (the JDK drops the connection at about 380 KiB). */
  static final int MAX_HEADER_BYTES = 16 * 1024;
  /** Longer queries get 414; real {@code name[]} lists are far shorter. */
  static final int MAX_QUERY_CHARS = 8 * 1024;

  private static final String ALLOWED_METHODS = "GET, HEAD";
  private static final String TEXT = "text/plain; charset=utf-8";

  private final Supplier<RegistrySnapshot> collect;
  private final Resource resource;
  private final ScrapeMetrics scrapeMetrics;
  /** Size of the last body, to size the next buffer; a race here only costs a resize. */
  private volatile int lastBodySize = 8 * 1024;

  /** @param collect one collection pass, normally {@code registry::collect} */
  ScrapeHandler(Supplier<RegistrySnapshot> collect, Resource resource, ScrapeMetrics scrapeMetrics) {
    this.collect = collect;
    this.resource = resource;
    this.scrapeMetrics = scrapeMetrics;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      send(exchange, reply(exchange));
    } catch (IOException e) {
      WeftLog.debug("a scrape client went away before the response was sent: " + e);
    } catch (Throwable t) {
      WeftLog.warnLimited("prometheus-handler", "the Prometheus endpoint failed to answer a request: " + t);
      answer500IfNothingWasSent(exchange);
    } finally {
      try {
        exchange.close();
      } catch (Throwable ignored) {
        // Closing a broken connection can fail too; there is nobody left to tell.
      }
    }
  }

  private static void answer500IfNothingWasSent(HttpExchange exchange) {
    try {
      if (exchange.getResponseCode() == -1) {
        exchange.sendResponseHeaders(500, -1);
      }
    } catch (Throwable ignored) {
      // Already failing; the connection is closed next either way.
    }
  }

  private Reply reply(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    if (METRICS_PATH.equals(path)) {
      long start = System.nanoTime();
      Reply reply = metrics(exchange);
      scrapeMetrics.record(reply.status, start);
      return reply;
    }
    if (HEALTH_PATH.equals(path)) {
      if (!isGetOrHead(exchange.getRequestMethod())) {
        return Reply.methodNotAllowed();
      }
      return headersTooLarge(exchange) ? Reply.headersTooLarge() : Reply.text(200, "OK");
    }
    return Reply.text(404, "Not Found");
  }

  private Reply metrics(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    if (!isGetOrHead(method)) {
      return Reply.methodNotAllowed();
    }
    if (headersTooLarge(exchange)) {
      return Reply.headersTooLarge();
    }
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null && query.length() > MAX_QUERY_CHARS) {
      return Reply.text(414, "URI Too Long: the query is over " + MAX_QUERY_CHARS + " characters");
    }
    NameFilter filter;
    try {
      filter = NameFilter.parse(query);
    } catch (IllegalArgumentException e) {
      return Reply.text(400, "Bad Request: the query is not valid percent-encoding");
    }
    Headers request = exchange.getRequestHeaders();
    ExpositionFormat format = ExpositionFormat.negotiate(request.get("Accept"));
    if (method.equals("HEAD")) {
      return new Reply(200, format.contentType(), false, null, new ByteArrayOutputStream(0));
    }
    boolean gzip = HeaderTokens.accepts(request.get("Accept-Encoding"), "gzip");
    try {
      return new Reply(200, format.contentType(), gzip, null, render(format, filter, gzip));
    } catch (Throwable t) {
      WeftLog.warnLimited("prometheus-scrape",
          "collecting metrics for a Prometheus scrape failed; the scrape got a 500: " + t);
      return Reply.text(500, "Internal Server Error: collecting metrics failed");
    }
  }

  private ByteArrayOutputStream render(ExpositionFormat format, NameFilter filter, boolean gzip)
      throws IOException {
    MetricSnapshots snapshots = PrometheusSnapshots.convert(collect.get(), resource, filter);
    ByteArrayOutputStream body = new ByteArrayOutputStream(lastBodySize + lastBodySize / 8);
    if (gzip) {
      try (GZIPOutputStream zip = new FastGzip(body)) {
        format.write(zip, snapshots);
      }
    } else {
      format.write(body, snapshots);
    }
    lastBodySize = body.size();
    return body;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", reply.contentType);
    headers.set("X-Content-Type-Options", "nosniff");
    if (reply.gzip) {
      headers.set("Content-Encoding", "gzip");
    }
    if (reply.allow != null) {
      headers.set("Allow", reply.allow);
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    int length = head ? 0 : reply.body.size();
    // -1: no body. 0 would mean "chunked" to the JDK server.
    exchange.sendResponseHeaders(reply.status, length == 0 ? -1 : length);
    if (length > 0) {
      OutputStream out = exchange.getResponseBody();
      reply.body.writeTo(out);
      out.flush();
    }
  }

  private static boolean isGetOrHead(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  private static boolean headersTooLarge(HttpExchange exchange) {
    long bytes = 0;
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      for (String value : e.getValue()) {
        bytes += e.getKey().length() + value.length() + 4;
      }
    }
    return bytes > MAX_HEADER_BYTES;
  }

  /**
   * Gzip at the fastest level: for 10,000 series (2.8 MB of text) it halves the compression time
   * (about 20 ms instead of 40 ms here) for a body about 25% larger (130 KB instead of 107 KB), and
   * the CPU is the application's.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 8 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /** A complete response: status, headers that vary, and the (possibly gzipped) body. */
  private record Reply(int status, String contentType, boolean gzip, String allow, ByteArrayOutputStream body) {

    static Reply text(int status, String line) {
      return withAllow(status, line, null);
    }

    static Reply methodNotAllowed() {
      return withAllow(405, "Method Not Allowed: use GET or HEAD", ALLOWED_METHODS);
    }

    static Reply headersTooLarge() {
      return text(431, "Request Header Fields Too Large: over " + MAX_HEADER_BYTES + " bytes");
    }

    private static Reply withAllow(int status, String line, String allow) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length);
      body.writeBytes(bytes);
      return new Reply(status, TEXT, false, allow, body);
    }
  }
}
