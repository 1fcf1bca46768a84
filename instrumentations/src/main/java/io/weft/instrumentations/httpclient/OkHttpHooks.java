package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.log.WeftLog;
import io.weft.instrumentations.handles.Getter;
import io.weft.instrumentations.semconv.HttpAttributes;
import java.lang.invoke.MethodHandle;

/**
 * What code woven into OkHttp's {@code RealCall} calls: measures a call's interceptor chain, from its
 * start (on the caller's thread for {@code execute}, on a dispatcher thread for {@code enqueue}) until
 * the response head is back or the chain throws. Attributes come from the call's original request.
 * Neither method ever throws.
 */
public final class OkHttpHooks {

  private static final HandlesPerClass<Access> ACCESS = new HandlesPerClass<>("OkHttp", Access::new);

  private OkHttpHooks() {}

  /** On entry to the interceptor chain; returns the start time to hand to {@link #exit}. */
  public static long enter() {
    return OutermostCall.enter() ? System.nanoTime() : 0L;
  }

  /** On every exit from the chain: {@code response} is what it returned, or null if it threw. */
  public static void exit(Object call, Object response, Throwable thrown, long startNanos) {
    if (!OutermostCall.exit()) {
      return;
    }
    try {
      HttpClientMetrics metrics = HttpClientMetrics.current();
      Access access = ACCESS.get(call.getClass());
      if (metrics != null && access != null) {
        access.record(metrics, startNanos, call, response, thrown);
      }
    } catch (Throwable t) {
      WeftLog.warnLimited("http.client.okhttp", "recording an OkHttp call failed; the call is unaffected: " + t);
    }
  }

  /** Getters of {@code okhttp3} types as one class loader sees them (the same names in OkHttp 4 and 5). */
  private static final class Access {
    private final MethodHandle callRequest;
    private final MethodHandle requestMethod;
    private final MethodHandle requestUrl;
    private final MethodHandle urlHost;
    private final MethodHandle urlPort;
    private final MethodHandle urlScheme;
    private final MethodHandle responseCode;
    private final MethodHandle responseProtocol;

    Access(ClassLoader loader) throws ReflectiveOperationException {
      callRequest = Getter.of(loader, "okhttp3.Call", "request");
      requestMethod = Getter.of(loader, "okhttp3.Request", "method");
      requestUrl = Getter.of(loader, "okhttp3.Request", "url");
      urlHost = Getter.of(loader, "okhttp3.HttpUrl", "host");
      urlPort = Getter.of(loader, "okhttp3.HttpUrl", "port");
      urlScheme = Getter.of(loader, "okhttp3.HttpUrl", "scheme");
      responseCode = Getter.of(loader, "okhttp3.Response", "code");
      responseProtocol = Getter.of(loader, "okhttp3.Response", "protocol");
    }

    void record(HttpClientMetrics metrics, long startNanos, Object call, Object response, Throwable thrown)
        throws Throwable {
      Object request = (Object) callRequest.invokeExact(call);
      Object url = (Object) requestUrl.invokeExact(request);
      int status = -1;
      String version = "";
      if (response != null) {
        status = (int) responseCode.invokeExact(response);
        // Protocol.toString() is its ALPN name ("http/1.1", "h2"), a constant.
        version = HttpAttributes.alpnProtocolVersion(String.valueOf((Object) responseProtocol.invokeExact(response)));
      }
      metrics.record(startNanos, (String) requestMethod.invokeExact(request), (String) urlHost.invokeExact(url),
          (int) urlPort.invokeExact(url), (String) urlScheme.invokeExact(url), status, version, thrown);
    }
  }
}
