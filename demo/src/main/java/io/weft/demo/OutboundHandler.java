package io.weft.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code GET /outbound}: calls a local endpoint with the JDK HTTP client and reports what came back. */
final class OutboundHandler implements HttpHandler {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI target;

  OutboundHandler(URI target) {
    this.target = target;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5)).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + target, e);
    }
    TextResponse.send(
        exchange, 200, "outbound " + target + " -> " + response.statusCode() + " " + response.body().strip());
  }
}
