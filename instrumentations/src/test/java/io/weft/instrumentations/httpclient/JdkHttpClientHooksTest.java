package io.weft.instrumentations.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.bootstrap.metrics.MetricRegistry;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The java.net.http hooks as the woven {@code HttpClientImpl} calls them, with real requests and a
 * stand-in response: {@code send} records at once, {@code sendAsync} when its future completes.
 */
class JdkHttpClientHooksTest {

  private MetricRegistry registry;
  private final HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.example.com/v1/items?q=1")).build();

  @BeforeEach
  void install() {
    registry = new MetricRegistry();
    HttpClientMetrics.install(registry);
  }

  @Test
  void sendRecordsTheResponseOnceThoughItRunsOnSendAsync() {
    long start = JdkHttpClientHooks.enter();                 // send
    long inner = JdkHttpClientHooks.enter();                 // the private sendAsync inside it
    CompletableFuture<Object> innerFuture = new CompletableFuture<>();
    JdkHttpClientHooks.sendAsyncExit(request, innerFuture, null, inner);
    innerFuture.complete(new Response(request, 200, HttpClient.Version.HTTP_2));
    JdkHttpClientHooks.sendExit(request, new Response(request, 200, HttpClient.Version.HTTP_2), null, start);
    assertEquals(Map.of("GET 200 api.example.com 443 2 -", 1L), Recorded.counts(registry));
  }

  @Test
  void sendThatThrowsRecordsTheExceptionItThrew() {
    long start = JdkHttpClientHooks.enter();
    JdkHttpClientHooks.sendExit(request, null, new HttpTimeoutException("request timed out"), start);
    assertEquals(Map.of("GET - api.example.com 443 - java.net.http.HttpTimeoutException", 1L),
        Recorded.counts(registry));
  }

  @Test
  void sendAsyncRecordsWhenTheFutureCompletesNotBefore() {
    CompletableFuture<Object> future = new CompletableFuture<>();
    JdkHttpClientHooks.sendAsyncExit(request, future, null, JdkHttpClientHooks.enter());
    assertEquals(Map.of(), Recorded.counts(registry));
    future.complete(new Response(request, 404, HttpClient.Version.HTTP_1_1));
    assertEquals(Map.of("GET 404 api.example.com 443 1.1 404", 1L), Recorded.counts(registry));
  }

  @Test
  void aFailedFutureIsRecordedWithTheCauseTheCallerSees() {
    CompletableFuture<Object> future = new CompletableFuture<>();
    JdkHttpClientHooks.sendAsyncExit(request, future, null, JdkHttpClientHooks.enter());
    future.completeExceptionally(new CompletionException(new ConnectException("refused")));
    assertEquals(Map.of("GET - api.example.com 443 - java.net.ConnectException", 1L), Recorded.counts(registry));
  }

  @Test
  void aCancelledFutureIsRecordedAsCancelled() {
    CompletableFuture<Object> future = new CompletableFuture<>();
    JdkHttpClientHooks.sendAsyncExit(request, future, null, JdkHttpClientHooks.enter());
    future.cancel(true);
    assertEquals(Map.of("GET - api.example.com 443 - java.util.concurrent.CancellationException", 1L),
        Recorded.counts(registry));
  }

  @Test
  void sendAsyncThatThrowsAtOnceIsRecordedAtOnce() {
    JdkHttpClientHooks.sendAsyncExit(request, null, new IllegalArgumentException("Unsupported method CONNECT"),
        JdkHttpClientHooks.enter());
    assertEquals(Map.of("GET - api.example.com 443 - java.lang.IllegalArgumentException", 1L),
        Recorded.counts(registry));
  }

  /** A response that only answers what the hooks read. */
  private record Response(HttpRequest request, int statusCode, HttpClient.Version version)
      implements HttpResponse<Object> {
    @Override
    public Optional<HttpResponse<Object>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(Map.of(), (a, b) -> true);
    }

    @Override
    public Object body() {
      return null;
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }
  }
}
