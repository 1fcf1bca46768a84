package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.context.CallDepth;
import io.weft.bootstrap.log.WeftLog;
import io.weft.instrumentations.handles.Getter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;

/**
 * What code woven into {@code com.sun.net.httpserver.Filter.Chain.doFilter} calls. The chain is
 * entered once per filter and again for the server's own filters, so only the outermost entry on a
 * thread measures the request. Work on the agent's own threads (its scrape endpoint is a JDK
 * HttpServer too) is ignored. Neither method ever throws.
 */
public final class JdkHttpServerHooks {

  private static final CallDepth DEPTH = new CallDepth();

  private JdkHttpServerHooks() {}

  /** On entry to {@code doFilter}; returns the start time to hand to {@link #exit}. */
  public static long enter(Object exchange) {
    if (AgentThread.isCurrent() || DEPTH.enter() != 0) {
      return 0L;
    }
    try {
      HttpServerMetrics metrics = HttpServerMetrics.current();
      if (metrics != null) {
        metrics.started(Exchange.method(exchange), Exchange.scheme(exchange));
      }
    } catch (Throwable t) {
      failed(t);
    }
    return System.nanoTime();
  }

  /** On every exit from {@code doFilter}; {@code thrown} is what escaped it, or null. */
  public static void exit(Object exchange, Throwable thrown, long startNanos) {
    if (AgentThread.isCurrent() || DEPTH.exit() != 0) {
      return;
    }
    try {
      HttpServerMetrics metrics = HttpServerMetrics.current();
      if (metrics != null) {
        String method = Exchange.method(exchange);
        long requestBytes = -1;
        long responseBytes = -1;
        if (metrics.recordsBodySizes()) {
          requestBytes = ContentLength.parse(Exchange.requestHeader(exchange, "Content-Length"));
          // A HEAD response declares the length of the body it does not send.
          responseBytes = "HEAD".equals(method) ? -1
              : ContentLength.parse(Exchange.responseHeader(exchange, "Content-Length"));
        }
        metrics.finished(null, startNanos, method, Exchange.status(exchange), route(metrics.routes(), exchange),
            Exchange.scheme(exchange), Exchange.protocol(exchange), thrown, requestBytes, responseBytes);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * A configured template that matches the request path, else the context path. The context path is
   * only the prefix a handler is mounted at, so a user's template, when one matches, says more.
   */
  private static String route(RouteTemplates routes, Object exchange) throws Throwable {
    if (!routes.isEmpty()) {
      String template = routes.match(Exchange.path(exchange));
      if (template != null) {
        return template;
      }
    }
    return Exchange.route(exchange);
  }

  private static void failed(Throwable t) {
    WeftLog.warnLimited("http.server.jdk", "recording a JDK HttpServer request failed; the request is unaffected: " + t);
  }

  /**
   * Reads an {@code HttpExchange} through method handles resolved once from the platform class
   * loader, where {@code jdk.httpserver} lives (this class is on the bootstrap class path and cannot
   * name it). Static final handles are constants to the JIT, so each read costs about a direct call.
   */
  static final class Exchange {
    private static final MethodHandle METHOD;
    private static final MethodHandle STATUS;
    private static final MethodHandle PATH;
    private static final MethodHandle PROTOCOL;
    private static final MethodHandle REQUEST_PATH;
    private static final MethodHandle REQUEST_HEADER;
    private static final MethodHandle RESPONSE_HEADER;
    private static final Class<?> HTTPS_EXCHANGE;

    static {
      try {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        String exchange = "com.sun.net.httpserver.HttpExchange";
        HTTPS_EXCHANGE = Class.forName("com.sun.net.httpserver.HttpsExchange", false, platform);
        METHOD = Getter.platform(exchange, "getRequestMethod");
        STATUS = Getter.platform(exchange, "getResponseCode");
        PROTOCOL = Getter.platform(exchange, "getProtocol");
        PATH = MethodHandles.filterReturnValue(Getter.platform(exchange, "getHttpContext"),
            Getter.platform("com.sun.net.httpserver.HttpContext", "getPath"));
        REQUEST_PATH = MethodHandles.filterReturnValue(Getter.platform(exchange, "getRequestURI"),
            Getter.of(URI.class, "getRawPath"));
        Class<?> headers = Class.forName("com.sun.net.httpserver.Headers", false, platform);
        MethodHandle getFirst = MethodHandles.publicLookup()
            .findVirtual(headers, "getFirst", MethodType.methodType(String.class, String.class))
            .asType(MethodType.methodType(String.class, Object.class, String.class));
        REQUEST_HEADER = MethodHandles.filterArguments(getFirst, 0, Getter.platform(exchange, "getRequestHeaders"));
        RESPONSE_HEADER = MethodHandles.filterArguments(getFirst, 0, Getter.platform(exchange, "getResponseHeaders"));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private Exchange() {}

    static String method(Object exchange) throws Throwable {
      return (String) METHOD.invokeExact(exchange);
    }

    /** The status sent with {@code sendResponseHeaders}, or -1 if none was sent. */
    static int status(Object exchange) throws Throwable {
      return (int) STATUS.invokeExact(exchange);
    }

    /** The context path the request was routed by: a template, never the raw request path. */
    static String route(Object exchange) throws Throwable {
      return (String) PATH.invokeExact(exchange);
    }

    /** The request URI's path, undecoded, without the query. */
    static String path(Object exchange) throws Throwable {
      return (String) REQUEST_PATH.invokeExact(exchange);
    }

    static String requestHeader(Object exchange, String name) throws Throwable {
      return (String) REQUEST_HEADER.invokeExact(exchange, name);
    }

    static String responseHeader(Object exchange, String name) throws Throwable {
      return (String) RESPONSE_HEADER.invokeExact(exchange, name);
    }

    static String protocol(Object exchange) throws Throwable {
      return (String) PROTOCOL.invokeExact(exchange);
    }

    static String scheme(Object exchange) {
      return HTTPS_EXCHANGE.isInstance(exchange) ? "https" : "http";
    }
  }
}
