package io.weft.smoke.harness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assertions;

/**
 * Plain HTTP requests to a forked JVM: no decompression, no redirects, the body kept as bytes.
 *
 * <pre>{@code
 * Scrape.Response response = Scrape.get(URI.create("http://127.0.0.1:9464/metrics"), "Accept-Encoding", "gzip");
 * Exposition metrics = Exposition.parse(response.gunzippedText());
 * }</pre>
 */
public final class Scrape {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private Scrape() {}

  /** A GET with the given header names and values, alternating. */
  public static Response get(URI uri, String... headers) {
    return send("GET", uri, headers);
  }

  public static Response send(String method, URI uri, String... headers) {
    return send(method, uri, HttpRequest.BodyPublishers.noBody(), headers);
  }

  /** A request with a body (sent with its Content-Length). */
  public static Response send(String method, URI uri, byte[] body, String... headers) {
    return send(method, uri, HttpRequest.BodyPublishers.ofByteArray(body), headers);
  }

  private static Response send(String method, URI uri, HttpRequest.BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).method(method, body);
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + uri, e);
    }
  }

  /**
   * Waits until something accepts connections on 127.0.0.1:port, for endpoints that may come up
   * a moment after the application says it is ready.
   */
  public static void awaitListening(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (ConnectException e) {
        if (System.nanoTime() - deadline > 0) {
          Assertions.fail("nothing listens on 127.0.0.1:" + port + " within " + timeout);
        }
        Polling.pause();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A response: status, headers, raw body. */
  public static final class Response {
    private final HttpResponse<byte[]> response;

    private Response(HttpResponse<byte[]> response) {
      this.response = response;
    }

    public int status() {
      return response.statusCode();
    }

    /** The header's value, or null when absent. */
    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public byte[] body() {
      return response.body();
    }

    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The body decompressed from gzip, as UTF-8 text. */
    public String gunzippedText() {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("body is not gzip", e);
      }
    }

    @Override
    public String toString() {
      return response.request().method() + " " + response.uri() + " -> " + status() + " " + response.headers().map();
    }
  }
}
