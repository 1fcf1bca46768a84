package io.weft.benchmarks;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.httpserver.HttpServerMetrics;
import io.weft.instrumentations.httpserver.HttpServerSettings;
import io.weft.instrumentations.httpserver.ServletHooks;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the servlet instrumentation adds to one request: the hooks woven into a container's filter
 * chain and {@code HttpServlet.service}, called as woven code calls them (the chain's entry, the
 * servlet's nested entry and exit, the chain's exit), with jakarta request and response objects that
 * answer from fields, as a container's do. Everything Weft does per request is in it: the attribute
 * marker, the method-handle reads, the route, two {@code System.nanoTime()} reads, the active-request
 * count up and down, and the duration record.
 *
 * <p>{@code route}: {@code exact} is a servlet mapped to {@code /hello}; {@code template} is a default
 * servlet whose path the third of three configured templates matches ({@code /users/{id}}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ServletHookBenchmark {

  @Param({"exact", "template"})
  public String route;

  private BenchRequest request;
  private BenchResponse response;

  @Setup(Level.Trial)
  public void setUp() {
    HttpServerMetrics.install(new MetricRegistry(),
        new HttpServerSettings(List.of("/orders/{id}", "/items/{id}", "/users/{id}"), false));
    boolean exact = route.equals("exact");
    request = new BenchRequest(exact ? new Mapping("/hello", MappingMatch.EXACT) : new Mapping("/", MappingMatch.DEFAULT),
        exact ? "/hello" : "/users/42");
    response = new BenchResponse();
  }

  /** The hooks of one request: chain entry, nested servlet entry and exit, chain exit. */
  @Benchmark
  public void servletRequest() {
    Object chain = ServletHooks.enter(request, response);
    Object servlet = ServletHooks.enter(request, response);
    ServletHooks.exit(null, servlet, request, response);
    ServletHooks.exit(null, chain, request, response);
    request.recycle();
  }

  /** Fails loudly if the hooks reach a method the fields do not answer. */
  private static HttpServletRequest unreachable() {
    return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
          throw new AssertionError("the benchmark request does not answer " + method.getName());
        });
  }

  /** A request that answers what the hooks read from fields; one attribute slot, cleared per request. */
  static final class BenchRequest extends HttpServletRequestWrapper {
    private final HttpServletMapping mapping;
    private final String uri;
    private String attributeName;
    private Object attributeValue;

    BenchRequest(HttpServletMapping mapping, String uri) {
      super(unreachable());
      this.mapping = mapping;
      this.uri = uri;
    }

    /** What a container does between two requests on a recycled request object. */
    void recycle() {
      attributeName = null;
      attributeValue = null;
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getScheme() {
      return "http";
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return name.equals(attributeName) ? attributeValue : null;
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributeName = name;
      attributeValue = value;
    }

    @Override
    public String getContextPath() {
      return "";
    }

    @Override
    public String getServletPath() {
      return uri;
    }

    @Override
    public String getPathInfo() {
      return null;
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public long getContentLengthLong() {
      return -1;
    }

    @Override
    public boolean isAsyncStarted() {
      return false;
    }

    @Override
    public AsyncContext getAsyncContext() {
      throw new IllegalStateException("not async");
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
      return mapping;
    }
  }

  static final class BenchResponse extends HttpServletResponseWrapper {
    BenchResponse() {
      super((HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
          new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
            throw new AssertionError("the benchmark response does not answer " + method.getName());
          }));
    }

    @Override
    public int getStatus() {
      return 200;
    }

    @Override
    public boolean isCommitted() {
      return true;
    }

    @Override
    public String getHeader(String name) {
      return null;
    }
  }

  record Mapping(String getPattern, MappingMatch getMappingMatch) implements HttpServletMapping {
    @Override
    public String getMatchValue() {
      return "";
    }

    @Override
    public String getServletName() {
      return "bench";
    }
  }
}
