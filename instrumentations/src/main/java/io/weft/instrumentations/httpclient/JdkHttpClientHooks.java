package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.log.WeftLog;
import io.weft.instrumentations.handles.Getter;
import java.lang.invoke.MethodHandle;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * What code woven into {@code jdk.internal.net.http.HttpClientImpl} calls. {@code send} is measured
 * until it returns or throws; {@code sendAsync} until the future it returned completes (with the
 * response, an exception, or a cancellation). {@code send} runs on the private {@code sendAsync},
 * so the outermost call measures and the inner one is ignored. Neither method ever throws.
 */
public final class JdkHttpClientHooks {

  private JdkHttpClientHooks() {}

  /** On entry to {@code send} or {@code sendAsync}; returns the start time to hand to the exit. */
  public static long enter() {
    return OutermostCall.enter() ? System.nanoTime() : 0L;
  }

  /** On every exit from {@code send}: {@code response} is what it returned, or null if it threw. */
  public static void sendExit(Object request, Object response, Throwable thrown, long startNanos) {
    if (!OutermostCall.exit()) {
      return;
    }
    try {
      HttpClientMetrics metrics = HttpClientMetrics.current();
      if (metrics != null) {
        record(metrics, startNanos, request, response, thrown);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * On every exit from {@code sendAsync}: records when the returned future completes. Cost beyond
   * recording: one completion callback (two small objects) per request.
   */
  public static void sendAsyncExit(Object request, Object future, Throwable thrown, long startNanos) {
    if (!OutermostCall.exit()) {
      return;
    }
    try {
      HttpClientMetrics metrics = HttpClientMetrics.current();
      if (metrics == null) {
        return;
      }
      if (future instanceof CompletableFuture<?> f) {
        f.whenComplete(new Completion(metrics, request, startNanos));
      } else {
        record(metrics, startNanos, request, null, thrown);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  private static void record(HttpClientMetrics metrics, long startNanos, Object request, Object response,
      Throwable thrown) throws Throwable {
    URI uri = (URI) (Object) Access.URI_OF.invokeExact(request);
    int status = response == null ? -1 : (int) Access.STATUS.invokeExact(response);
    String version = response == null ? "" : protocolVersion((Object) Access.VERSION.invokeExact(response));
    metrics.record(startNanos, (String) Access.METHOD.invokeExact(request), uri == null ? null : uri.getHost(),
        uri == null ? -1 : uri.getPort(), uri == null ? null : uri.getScheme(), status, version, thrown);
  }

  /** {@code HttpClient.Version} -> {@code network.protocol.version}. */
  static String protocolVersion(Object version) {
    if (!(version instanceof Enum<?> e)) {
      return "";
    }
    return switch (e.name()) {
      case "HTTP_1_1" -> "1.1";
      case "HTTP_2" -> "2";
      case "HTTP_3" -> "3";
      default -> "";
    };
  }

  /** A future's failure as the caller of {@code get()} sees it: without the CompletionException wrapper. */
  static Throwable unwrap(Throwable thrown) {
    return thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
  }

  private static void failed(Throwable t) {
    WeftLog.warnLimited("http.client.jdk",
        "recording a java.net.http request failed; the request is unaffected: " + t);
  }

  /** Records a {@code sendAsync} request when its future completes; never throws. */
  private static final class Completion implements BiConsumer<Object, Throwable> {
    private final HttpClientMetrics metrics;
    private final Object request;
    private final long startNanos;

    Completion(HttpClientMetrics metrics, Object request, long startNanos) {
      this.metrics = metrics;
      this.request = request;
      this.startNanos = startNanos;
    }

    @Override
    public void accept(Object response, Throwable thrown) {
      try {
        record(metrics, startNanos, request, thrown == null ? response : null, unwrap(thrown));
      } catch (Throwable t) {
        failed(t);
      }
    }
  }

  /**
   * Method handles that read {@code java.net.http} requests and responses, resolved once from the
   * platform class loader, where that module lives (this class is on the bootstrap class path and
   * cannot name it). Static final handles are constants to the JIT: each read costs about a call.
   */
  private static final class Access {
    static final MethodHandle METHOD;
    static final MethodHandle URI_OF;
    static final MethodHandle STATUS;
    static final MethodHandle VERSION;

    static {
      try {
        METHOD = Getter.platform("java.net.http.HttpRequest", "method");
        URI_OF = Getter.platform("java.net.http.HttpRequest", "uri");
        STATUS = Getter.platform("java.net.http.HttpResponse", "statusCode");
        VERSION = Getter.platform("java.net.http.HttpResponse", "version");
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private Access() {}
  }
}
