package io.weft.benchmarks;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.httpclient.ApacheHttpClientHooks;
import io.weft.instrumentations.httpclient.HttpClientMetrics;
import io.weft.instrumentations.httpclient.JdkHttpClientHooks;
import io.weft.instrumentations.httpclient.OkHttpHooks;
import io.weft.instrumentations.httpclient.UrlConnectionHooks;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the HTTP client instrumentation adds to one request, per client: the hook calls the woven code
 * makes for one call (entry, exit, attribute reads through method handles, the bind and the histogram
 * record), with real request and response objects of each library and no network. The request itself
 * costs tens of microseconds at least on loopback; these are the agent's share. The {@code *Baseline}
 * benchmarks are the parts the application pays anyway (a future, a connection object), to subtract.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HttpClientHooksBenchmark {

  private HttpRequest jdkRequest;
  private HttpResponse<Object> jdkResponse;
  private URL url;
  private HttpHost apacheTarget;
  private HttpGet apacheRequest;
  private BasicClassicHttpResponse apacheResponse;
  private okhttp3.Call okCall;
  private okhttp3.Response okResponse;

  @Setup
  public void setUp() throws Exception {
    HttpClientMetrics.install(new MetricRegistry());
    jdkRequest = HttpRequest.newBuilder(URI.create("http://api.example.com:8080/v1/items/17")).build();
    jdkResponse = new StubResponse(jdkRequest);
    url = URI.create("http://api.example.com:8080/v1/items/17").toURL();
    apacheTarget = new HttpHost("http", "api.example.com", 8080);
    apacheRequest = new HttpGet("http://api.example.com:8080/v1/items/17");
    apacheResponse = new BasicClassicHttpResponse(200, "OK");
    okhttp3.Request okRequest = new okhttp3.Request.Builder().url("http://api.example.com:8080/v1/items/17").build();
    okCall = new okhttp3.OkHttpClient().newCall(okRequest);
    okResponse = new okhttp3.Response.Builder().request(okRequest).protocol(okhttp3.Protocol.HTTP_1_1).code(200)
        .message("OK").build();
  }

  /** {@code HttpClient.send}: entry and exit hooks. */
  @Benchmark
  public void jdkSend() {
    long start = JdkHttpClientHooks.enter();
    JdkHttpClientHooks.sendExit(jdkRequest, jdkResponse, null, start);
  }

  /** {@code HttpClient.sendAsync}: entry, exit with a completion callback, and the completion. */
  @Benchmark
  public CompletableFuture<Object> jdkSendAsync() {
    CompletableFuture<Object> future = new CompletableFuture<>();
    long start = JdkHttpClientHooks.enter();
    JdkHttpClientHooks.sendAsyncExit(jdkRequest, future, null, start);
    future.complete(jdkResponse);
    return future;
  }

  /** The future and its completion alone, which {@code sendAsync} costs without the agent. */
  @Benchmark
  public CompletableFuture<Object> jdkSendAsyncBaseline() {
    CompletableFuture<Object> future = new CompletableFuture<>();
    future.complete(jdkResponse);
    return future;
  }

  /**
   * One HttpURLConnection request as {@code getResponseCode(); getInputStream(); getHeaderField()}
   * makes it: a measurement put in the connection map at the first call, recorded and removed when
   * the (nested) call that read the status returns; the later calls find the status on entry.
   */
  @Benchmark
  public Object urlConnection() {
    Object connection = new Object();
    UrlConnectionHooks.enter(connection, url, "GET", -1, null);
    UrlConnectionHooks.enter(connection, url, "GET", -1, null);
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    UrlConnectionHooks.enter(connection, url, "GET", 200, null);
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    UrlConnectionHooks.enter(connection, url, "GET", 200, null);
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    return connection;
  }

  /** The connection object alone. */
  @Benchmark
  public Object urlConnectionBaseline() {
    return new Object();
  }

  /** Apache HttpClient 5 {@code doExecute}: entry and exit, attributes through method handles. */
  @Benchmark
  public void apacheDoExecute() {
    long start = ApacheHttpClientHooks.enter();
    ApacheHttpClientHooks.exit(apacheTarget, apacheRequest, apacheResponse, null, start);
  }

  /** OkHttp's interceptor chain: entry and exit, attributes through method handles. */
  @Benchmark
  public void okHttpChain() {
    long start = OkHttpHooks.enter();
    OkHttpHooks.exit(okCall, okResponse, null, start);
  }

  /** A java.net.http response that only answers what the hooks read. */
  private record StubResponse(HttpRequest request) implements HttpResponse<Object> {
    @Override
    public int statusCode() {
      return 200;
    }

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

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
