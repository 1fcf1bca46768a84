package io.weft.agent.exporter.otlp;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on a free loopback port that answers from a script (then 200), and keeps every
 * request it got. For the exporter's unit tests; the smoke tests have a fuller one.
 */
final class ScriptedReceiver implements AutoCloseable {
  /** One scripted answer: a status with headers and body, or no answer at all until closed. */
  record Answer(int status, Map<String, String> headers, byte[] body, boolean hang) {
    static Answer status(int status, String... headerPairs) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (int i = 0; i < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Answer(status, headers, new byte[0], false);
    }

    static Answer ok(byte[] body) {
      return new Answer(200, Map.of("Content-Type", "application/x-protobuf"), body, false);
    }

    static Answer noAnswer() {
      return new Answer(0, Map.of(), new byte[0], true);
    }
  }

  /** A request as received: headers (lower-case names, first values) and the body, gunzipped. */
  record Received(Map<String, String> headers, byte[] body) {
    ExportMetricsServiceRequest decode() {
      try {
        return ExportMetricsServiceRequest.parseFrom(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "scripted-receiver");
    thread.setDaemon(true);
    return thread;
  });
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();

  ScriptedReceiver(Answer... answers) throws IOException {
    script.addAll(List.of(answers));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/v1/metrics", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        if ("gzip".equals(headers.get("content-encoding"))) {
          try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            body = in.readAllBytes();
          }
        }
        Answer answer;
        synchronized (this) {
          received.add(new Received(headers, body));
          answer = script.isEmpty() ? Answer.ok(new byte[0]) : script.poll();
          notifyAll();
        }
        if (answer.hang) {
          closed.await();
          return;
        }
        answer.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
        if (answer.body.length > 0) {
          exchange.getResponseBody().write(answer.body);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/metrics";
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits (at most 20 s) until at least {@code count} requests arrived. */
  synchronized void awaitReceived(int count) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (received.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("got " + received.size() + " requests, not " + count);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
