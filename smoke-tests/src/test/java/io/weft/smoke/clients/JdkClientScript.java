package io.weft.smoke.clients;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@code java.net.http}: send and sendAsync over HTTP/1.1, and send over HTTP/2 (h2c upgrade). */
final class JdkClientScript extends Script {

  JdkClientScript(Target target, PrintStream out) {
    super(target, out);
  }

  @Override
  void run() {
    HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    call("ok", () -> send(http1, target.url("/ok")));
    call("missing", () -> send(http1, target.url("/missing")));
    call("error", () -> send(http1, target.url("/error")));
    call("redirect", () -> send(http1, target.url("/redirect")));
    call("refused", () -> send(http1, target.closedPortUrl()));
    call("timeout", () -> http1.send(request(target.url("/slow")).timeout(Duration.ofMillis(READ_TIMEOUT_MILLIS))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    call("unknown-host", () -> send(http1, target.unknownHostUrl()));
    call("tls", () -> send(http1, target.tlsUrl()));
    call("async", () -> http1.sendAsync(request(target.url("/ok")).build(), HttpResponse.BodyHandlers.ofString())
        .get().statusCode());
    call("cancelled", () -> {
      CompletableFuture<HttpResponse<String>> f =
          http1.sendAsync(request(target.url("/slow")).build(), HttpResponse.BodyHandlers.ofString());
      f.cancel(true);
      return f.get().statusCode();
    });
    call("http2", () -> {
      HttpResponse<String> r = http2.send(request(target.url("/ok")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.version() != HttpClient.Version.HTTP_2) {
        throw new IllegalStateException("expected HTTP/2, got " + r.version());
      }
      return r.statusCode();
    });
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
  }

  private static int send(HttpClient client, String url) throws Exception {
    return client.send(request(url).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
