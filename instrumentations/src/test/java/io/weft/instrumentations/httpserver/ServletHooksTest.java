package io.weft.instrumentations.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.NumberPoint;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The servlet hooks called the way woven code calls them, with fake jakarta request and response
 * objects: one measurement per request, async completion through a listener, status and {@code
 * error.type} for exceptions, body sizes.
 */
class ServletHooksTest {

  private MetricRegistry registry;
  private final Map<String, Object> request = new HashMap<>();
  private final Map<String, Object> response = new HashMap<>();
  private final List<Object> listeners = new ArrayList<>();

  @BeforeEach
  void setUp() {
    install(HttpServerSettings.DEFAULTS);
    HttpServletMapping mapping = Fakes.of(HttpServletMapping.class,
        Map.of("getPattern", "/hello", "getMappingMatch", MappingMatch.EXACT));
    request.put("getMethod", "GET");
    request.put("getScheme", "http");
    request.put("getProtocol", "HTTP/1.1");
    request.put("getContextPath", "");
    request.put("getRequestURI", "/hello");
    request.put("getHttpServletMapping", mapping);
    request.put("getContentLengthLong", -1L);
    response.put("getStatus", 200);
    AsyncContext async = Fakes.of(AsyncContext.class,
        Map.of("addListener", (Function<Object[], Object>) args -> listeners.add(args[0])));
    request.put("getAsyncContext", async);
  }

  private void install(HttpServerSettings settings) {
    registry = new MetricRegistry();
    HttpServerMetrics.install(registry, settings);
  }

  private HttpServletRequest request() {
    return Fakes.of(HttpServletRequest.class, Fakes.withAttributes(request));
  }

  private HttpServletResponse response() {
    return Fakes.of(HttpServletResponse.class, response);
  }

  /** One call as woven code makes it: enter, the body, exit with what escaped. */
  private static void call(HttpServletRequest req, HttpServletResponse res, Runnable body) {
    Object timing = ServletHooks.enter(req, res);
    Throwable thrown = null;
    try {
      body.run();
    } catch (RuntimeException e) {
      thrown = e;
    }
    ServletHooks.exit(thrown, timing, req, res);
  }

  private List<HistogramPoint> durations() {
    return points("http.server.request.duration").stream().map(HistogramPoint.class::cast).toList();
  }

  private List<DataPoint> points(String name) {
    MetricSnapshot m = registry.collect().find(name);
    return m == null ? List.of() : m.points();
  }

  private double active() {
    return points("http.server.active_requests").stream().mapToDouble(p -> ((NumberPoint) p).value()).sum();
  }

  private static String describe(HistogramPoint p) {
    return p.attributes().get("http.request.method") + " " + p.attributes().get("http.response.status_code") + " "
        + p.attributes().get("http.route") + " " + p.attributes().get("url.scheme") + " "
        + p.attributes().get("network.protocol.version") + " error=" + java.util.Objects.requireNonNullElse(p.attributes().get("error.type"), "(absent)") + " x"
        + p.count();
  }

  @Test
  void nestedFilterServletAndForwardCallsMeasureTheRequestOnce() {
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> call(req, res, () -> call(req, res, () -> { })));

    assertEquals(List.of("GET 200 /hello http 1.1 error=(absent) x1"), durations().stream().map(ServletHooksTest::describe).toList());
    assertEquals(0.0, active());
  }

  @Test
  void aLaterDispatchOfAMeasuredRequestIsNotMeasuredAgain() {
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> { });
    // An error-page or async dispatch of the same request, on a fresh stack:
    call(req, res, () -> { });

    assertEquals(1, durations().get(0).count());
    assertEquals(1, durations().size());
  }

  @Test
  void activeCountsTheRequestWhileItRuns() {
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> assertEquals(1.0, active()));
  }

  @Test
  void anEscapingExceptionIsA500WithItsClassAsErrorType() {
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> {
      throw new IllegalStateException("boom");
    });

    assertEquals(List.of("GET 500 /hello http 1.1 error=java.lang.IllegalStateException x1"),
        durations().stream().map(ServletHooksTest::describe).toList());
  }

  @Test
  void anExceptionAfterTheResponseWasCommittedKeepsTheCommittedStatus() {
    response.put("isCommitted", true);
    call(request(), response(), () -> {
      throw new IllegalArgumentException();
    });

    assertEquals(List.of("GET 200 /hello http 1.1 error=java.lang.IllegalArgumentException x1"),
        durations().stream().map(ServletHooksTest::describe).toList());
  }

  @Test
  void aServletExceptionWrappingACauseReportsTheCause() {
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    Object timing = ServletHooks.enter(req, res);
    ServletHooks.exit(new ServletException("wrapped", new IOException("disk")), timing, req, res);
    HttpServletRequest second = request();
    ServletHooks.exit(new ServletException("alone"), ServletHooks.enter(second, res), second, res);

    assertEquals(List.of("GET 500 /hello http 1.1 error=jakarta.servlet.ServletException x1",
            "GET 500 /hello http 1.1 error=java.io.IOException x1"),
        durations().stream().map(ServletHooksTest::describe).sorted().toList());
  }

  @Test
  void a5xxStatusWithoutExceptionHasTheStatusAsErrorType() {
    response.put("getStatus", 503);
    call(request(), response(), () -> { });

    assertEquals(List.of("GET 503 /hello http 1.1 error=503 x1"),
        durations().stream().map(ServletHooksTest::describe).toList());
  }

  @Test
  void unknownMethodsAreOther() {
    request.put("getMethod", "FOO");
    response.put("getStatus", 501);
    call(request(), response(), () -> { });

    assertEquals(List.of("_OTHER 501 /hello http 1.1 error=501 x1"),
        durations().stream().map(ServletHooksTest::describe).toList());
  }

  @Test
  void anAsyncRequestIsMeasuredWhenTheContainerCompletesIt() throws IOException {
    request.put("isAsyncStarted", true);
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> { });

    assertEquals(List.of(), durations(), "not recorded while async processing goes on");
    assertEquals(1.0, active());
    assertEquals(1, listeners.size());
    AsyncListener listener = (AsyncListener) listeners.get(0);
    AsyncContext context = req.getAsyncContext();

    // A second async cycle: the listener registers itself again, as the specification asks.
    listener.onStartAsync(new AsyncEvent(context, req, res));
    assertEquals(2, listeners.size());
    assertTrue(listeners.get(1) == listener);

    response.put("getStatus", 500);
    listener.onTimeout(new AsyncEvent(context, req, res));
    listener.onComplete(new AsyncEvent(context, req, res));
    listener.onComplete(new AsyncEvent(context, req, res));

    assertEquals(List.of("GET 500 /hello http 1.1 error=500 x1"),
        durations().stream().map(ServletHooksTest::describe).toList());
    assertEquals(0.0, active());
  }

  @Test
  void anAsyncErrorNamesItsThrowable() throws IOException {
    request.put("isAsyncStarted", true);
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> { });
    AsyncListener listener = (AsyncListener) listeners.get(0);

    response.put("isCommitted", true);
    response.put("getStatus", 500);
    listener.onError(new AsyncEvent(req.getAsyncContext(), req, res, new ArithmeticException()));
    listener.onComplete(new AsyncEvent(req.getAsyncContext(), req, res));

    assertEquals(List.of("GET 500 /hello http 1.1 error=java.lang.ArithmeticException x1"),
        durations().stream().map(ServletHooksTest::describe).toList());
  }

  @Test
  void whatEscapesAFailedAsyncDispatchIsTheErrorType() throws IOException {
    request.put("isAsyncStarted", true);
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> { });
    AsyncListener listener = (AsyncListener) listeners.get(0);

    // The container's async dispatch, on another thread, throws; it is not measured again.
    call(req, res, () -> {
      throw new ArrayIndexOutOfBoundsException();
    });
    assertEquals(List.of(), durations());
    response.put("isCommitted", true);
    response.put("getStatus", 500);
    listener.onError(new AsyncEvent(req.getAsyncContext(), req, res,
        new RuntimeException("the container's wrapper", new ArrayIndexOutOfBoundsException())));
    listener.onComplete(new AsyncEvent(req.getAsyncContext(), req, res));

    assertEquals(List.of("GET 500 /hello http 1.1 error=java.lang.ArrayIndexOutOfBoundsException x1"),
        durations().stream().map(ServletHooksTest::describe).toList());
  }

  @Test
  void theListenerBehavesAsAnObject() {
    request.put("isAsyncStarted", true);
    call(request(), response(), () -> { });
    Object listener = listeners.get(0);
    assertEquals(listener, listener);
    assertEquals(System.identityHashCode(listener), listener.hashCode());
    assertNotNull(listener.toString());
  }

  @Test
  void bodySizesAreTheDeclaredContentLengthsWhenSwitchedOn() {
    install(new HttpServerSettings(List.of(), true));
    request.put("getMethod", "POST");
    request.put("getContentLengthLong", 12L);
    response.put("getHeader", (Function<Object[], Object>) args -> "Content-Length".equals(args[0]) ? "34" : null);
    call(request(), response(), () -> { });
    request.put("getContentLengthLong", -1L);
    response.remove("getHeader");
    call(request(), response(), () -> { });

    HistogramPoint requestSize = (HistogramPoint) points("http.server.request.body.size").get(0);
    HistogramPoint responseSize = (HistogramPoint) points("http.server.response.body.size").get(0);
    assertEquals(1, requestSize.count(), "unknown lengths are not recorded");
    assertEquals(12.0, requestSize.sum());
    assertEquals(1, responseSize.count());
    assertEquals(34.0, responseSize.sum());
    assertEquals("/hello", responseSize.attributes().get("http.route"));
    assertEquals(2, durations().get(0).count());
  }

  @Test
  void bodySizesAreNotRegisteredByDefault() {
    call(request(), response(), () -> { });
    assertNull(registry.collect().find("http.server.request.body.size"));
    assertNull(registry.collect().find("http.server.response.body.size"));
  }

  @Test
  void aRequestThatFailsToAnswerIsNotMeasuredAndTheCallGoesOn() {
    request.put("getScheme", (Function<Object[], Object>) args -> {
      throw new IllegalStateException("broken request");
    });
    HttpServletRequest req = request();
    HttpServletResponse res = response();
    call(req, res, () -> { });
    assertEquals(List.of(), durations());
    assertEquals(0.0, active());
  }

  @Test
  void objectsThatAreNotHttpServletRequestsAreIgnored() {
    Object timing = ServletHooks.enter("not a request", response());
    ServletHooks.exit(null, timing, "not a request", response());
    assertNull(timing);
    assertEquals(List.of(), durations());
    // The depth is back to zero: the next request measures.
    call(request(), response(), () -> { });
    assertEquals(1, durations().size());
  }
}
