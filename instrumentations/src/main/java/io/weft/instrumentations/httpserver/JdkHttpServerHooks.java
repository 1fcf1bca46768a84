package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.context.CallDepth;
import io.weft.bootstrap.log.WeftLog;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

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
        metrics.finished(startNanos, Exchange.method(exchange), Exchange.status(exchange), Exchange.route(exchange),
            Exchange.scheme(exchange), Exchange.protocol(exchange), thrown);
      }
    } catch (Throwable t) {
      failed(t);
    }
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
    private static final Class<?> HTTPS_EXCHANGE;

    static {
      try {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        Class<?> exchange = Class.forName("com.sun.net.httpserver.HttpExchange", false, platform);
        Class<?> context = Class.forName("com.sun.net.httpserver.HttpContext", false, platform);
        HTTPS_EXCHANGE = Class.forName("com.sun.net.httpserver.HttpsExchange", false, platform);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType objectToString = MethodType.methodType(String.class, Object.class);
        METHOD = lookup.findVirtual(exchange, "getRequestMethod", MethodType.methodType(String.class))
            .asType(objectToString);
        STATUS = lookup.findVirtual(exchange, "getResponseCode", MethodType.methodType(int.class))
            .asType(MethodType.methodType(int.class, Object.class));
        PROTOCOL = lookup.findVirtual(exchange, "getProtocol", MethodType.methodType(String.class))
            .asType(objectToString);
        MethodHandle getContext = lookup.findVirtual(exchange, "getHttpContext", MethodType.methodType(context));
        MethodHandle getPath = lookup.findVirtual(context, "getPath", MethodType.methodType(String.class));
        PATH = MethodHandles.filterReturnValue(getContext, getPath).asType(objectToString);
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

    static String protocol(Object exchange) throws Throwable {
      return (String) PROTOCOL.invokeExact(exchange);
    }

    static String scheme(Object exchange) {
      return HTTPS_EXCHANGE.isInstance(exchange) ? "https" : "http";
    }
  }
}
