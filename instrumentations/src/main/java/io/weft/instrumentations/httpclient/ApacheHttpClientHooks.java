package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.log.WeftLog;
import io.weft.instrumentations.handles.Getter;
import io.weft.instrumentations.semconv.HttpAttributes;
import java.lang.invoke.MethodHandle;

/**
 * What code woven into Apache HttpClient 5's {@code doExecute} calls: measures from the call until
 * the response head is back or the call throws. The host is the target's, or, when the caller gave
 * none, the request URI's authority. Neither method ever throws.
 */
public final class ApacheHttpClientHooks {

  private static final HandlesPerClass<Access> ACCESS = new HandlesPerClass<>("Apache HttpClient", Access::new);

  private ApacheHttpClientHooks() {}

  /** On entry to {@code doExecute}; returns the start time to hand to {@link #exit}. */
  public static long enter() {
    return OutermostCall.enter() ? System.nanoTime() : 0L;
  }

  /** On every exit from {@code doExecute}: {@code response} is what it returned, or null if it threw. */
  public static void exit(Object target, Object request, Object response, Throwable thrown, long startNanos) {
    if (!OutermostCall.exit()) {
      return;
    }
    try {
      HttpClientMetrics metrics = HttpClientMetrics.current();
      Access access = request == null ? null : ACCESS.get(request.getClass());
      if (metrics != null && access != null) {
        access.record(metrics, startNanos, target, request, response, thrown);
      }
    } catch (Throwable t) {
      WeftLog.warnLimited("http.client.apache",
          "recording an Apache HttpClient request failed; the request is unaffected: " + t);
    }
  }

  /** Getters of {@code org.apache.hc.core5} types as one class loader sees them. */
  private static final class Access {
    private final MethodHandle requestMethod;
    private final MethodHandle requestScheme;
    private final MethodHandle requestAuthority;
    private final MethodHandle authorityHost;
    private final MethodHandle authorityPort;
    private final MethodHandle targetHost;
    private final MethodHandle targetPort;
    private final MethodHandle targetScheme;
    private final MethodHandle responseCode;
    private final MethodHandle responseVersion;
    private final MethodHandle versionMajor;
    private final MethodHandle versionMinor;

    Access(ClassLoader loader) throws ReflectiveOperationException {
      String core = "org.apache.hc.core5.";
      requestMethod = Getter.of(loader, core + "http.HttpRequest", "getMethod");
      requestScheme = Getter.of(loader, core + "http.HttpRequest", "getScheme");
      requestAuthority = Getter.of(loader, core + "http.HttpRequest", "getAuthority");
      authorityHost = Getter.of(loader, core + "net.URIAuthority", "getHostName");
      authorityPort = Getter.of(loader, core + "net.URIAuthority", "getPort");
      targetHost = Getter.of(loader, core + "http.HttpHost", "getHostName");
      targetPort = Getter.of(loader, core + "http.HttpHost", "getPort");
      targetScheme = Getter.of(loader, core + "http.HttpHost", "getSchemeName");
      responseCode = Getter.of(loader, core + "http.HttpResponse", "getCode");
      responseVersion = Getter.of(loader, core + "http.HttpMessage", "getVersion");
      versionMajor = Getter.of(loader, core + "http.ProtocolVersion", "getMajor");
      versionMinor = Getter.of(loader, core + "http.ProtocolVersion", "getMinor");
    }

    void record(HttpClientMetrics metrics, long startNanos, Object target, Object request, Object response,
        Throwable thrown) throws Throwable {
      String host;
      int port;
      String scheme;
      if (target != null) {
        host = (String) targetHost.invokeExact(target);
        port = (int) targetPort.invokeExact(target);
        scheme = (String) targetScheme.invokeExact(target);
      } else {
        Object authority = (Object) requestAuthority.invokeExact(request);
        host = authority == null ? null : (String) authorityHost.invokeExact(authority);
        port = authority == null ? -1 : (int) authorityPort.invokeExact(authority);
        scheme = (String) requestScheme.invokeExact(request);
      }
      int status = -1;
      String version = "";
      if (response != null) {
        status = (int) responseCode.invokeExact(response);
        Object v = (Object) responseVersion.invokeExact(response);
        // The status line's version; the classic client speaks HTTP/1.x only, so 1.1 if it was not kept.
        version = v == null ? "1.1"
            : HttpAttributes.protocolVersion((int) versionMajor.invokeExact(v), (int) versionMinor.invokeExact(v));
      }
      metrics.record(startNanos, (String) requestMethod.invokeExact(request), host, port, scheme, status, version,
          thrown);
    }
  }
}
