package io.weft.smoke.harness.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assertions;

/**
 * An OTLP/HTTP receiver for the smoke tests: a JDK {@code HttpServer} (or {@code HttpsServer}) on a free
 * loopback port that accepts {@code POST /v1/metrics}, decodes each request with the official
 * {@code opentelemetry-proto} classes (gunzipping first when asked) and answers from a script, then 200.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.http(Answer.status(503, "Retry-After", "1"))) {
 *   ... start the agent with OTEL_EXPORTER_OTLP_ENDPOINT=receiver.baseUrl() ...
 *   ExportMetricsServiceRequest first = receiver.awaitRequests(1, Polling.START).get(0).request();
 * }
 * }</pre>
 */
public final class OtlpReceiver implements AutoCloseable {
  public static final String PATH = "/v1/metrics";

  /** One scripted answer: a status with headers, or no answer at all until the receiver closes. */
  public record Answer(int status, Map<String, String> headers, boolean hang) {
    /** A status with header names and values, alternating. */
    public static Answer status(int status, String... headerPairs) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Answer(status, headers, false);
    }

    /** Reads the request and never answers. */
    public static Answer noAnswer() {
      return new Answer(0, Map.of(), true);
    }
  }

  /**
   * One request as received.
   *
   * @param nanos {@link System#nanoTime()} when it was read
   * @param headers header names in lower case, first values
   * @param body the body as sent (before gunzipping)
   * @param status what the receiver answered, or 0 for no answer
   */
  public record Received(long nanos, Map<String, String> headers, byte[] body,
      ExportMetricsServiceRequest request, int status) {}

  private final HttpServer server;
  private final String scheme;
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "otlp-receiver");
    thread.setDaemon(true);
    return thread;
  });
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();

  private OtlpReceiver(HttpServer server, String scheme, Answer... answers) {
    this.server = server;
    this.scheme = scheme;
    script.addAll(List.of(answers));
    server.setExecutor(threads);
    server.createContext(PATH, this::handle);
    server.start();
  }

  /** Plain HTTP; the answers are used in order, then every request gets 200. */
  public static OtlpReceiver http(Answer... answers) {
    try {
      return new OtlpReceiver(HttpServer.create(loopback(), 0), "http", answers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HTTPS with the server certificate of {@code tls}; with {@code clientAuth}, clients must show one it signed. */
  public static OtlpReceiver https(TestTls tls, boolean clientAuth, Answer... answers) {
    try {
      HttpsServer server = HttpsServer.create(loopback(), 0);
      SSLContext context = tls.serverContext();
      server.setHttpsConfigurator(new HttpsConfigurator(context) {
        @Override
        public void configure(HttpsParameters parameters) {
          parameters.setSSLParameters(context.getDefaultSSLParameters());
          parameters.setNeedClientAuth(clientAuth);
        }
      });
      return new OtlpReceiver(server, "https", answers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  /** {@code http://127.0.0.1:port}: what OTEL_EXPORTER_OTLP_ENDPOINT takes. */
  public String baseUrl() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The full metrics URL: what OTEL_EXPORTER_OTLP_METRICS_ENDPOINT takes. */
  public String metricsUrl() {
    return baseUrl() + PATH;
  }

  /** Every request so far. */
  public synchronized List<Received> requests() {
    return List.copyOf(received);
  }

  /** Waits until at least {@code count} requests arrived; returns all so far. */
  public List<Received> awaitRequests(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (received.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Assertions.fail("the OTLP receiver got " + received.size() + " requests, not " + count + ", within "
              + timeout);
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      ExportMetricsServiceRequest request = decode(body, "gzip".equals(headers.get("content-encoding")));
      Answer answer;
      synchronized (this) {
        answer = !exchange.getRequestMethod().equals("POST") ? Answer.status(405)
            : script.isEmpty() ? Answer.status(200) : script.poll();
        received.add(new Received(System.nanoTime(), headers, body, request, answer.hang ? 0 : answer.status));
        notifyAll();
      }
      if (answer.hang) {
        closed.await();
        return;
      }
      answer.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] reply = answer.status == 200 ? ExportMetricsServiceResponse.getDefaultInstance().toByteArray() : new byte[0];
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(answer.status, reply.length == 0 ? -1 : reply.length);
      if (reply.length > 0) {
        exchange.getResponseBody().write(reply);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The agent gave up on this request (its timeout): nothing to answer.
    }
  }

  private static ExportMetricsServiceRequest decode(byte[] body, boolean gzip) throws IOException {
    byte[] bytes = body;
    if (gzip) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        bytes = in.readAllBytes();
      }
    }
    return ExportMetricsServiceRequest.parseFrom(bytes);
  }
}
