package io.weft.instrumentations.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.FileNotFoundException;
import java.lang.ref.WeakReference;
import java.net.ConnectException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hooks as the woven {@code HttpURLConnection} calls them, in the orders real callers produce:
 * each connection is one measurement however many of its methods are called, and however they nest.
 */
class UrlConnectionHooksTest {
  private static final int NO_RESPONSE = -1;

  private MetricRegistry registry;
  private URL url;

  @BeforeEach
  void install() throws Exception {
    registry = new MetricRegistry();
    HttpClientMetrics.install(registry);
    url = new URL("http://user:secret@example.com:8080/orders/17?token=abc");
  }

  /**
   * One outermost call with what the woven code passes: on entry the connection's method, status
   * (-1 before a response) and remembered failure; on exit what the call threw, the status and the
   * method.
   */
  private void call(Object connection, String methodOnEntry, int statusOnEntry, Exception rememberedOnEntry,
      Throwable thrown, int statusOnExit, String methodOnExit) {
    UrlConnectionHooks.enter(connection, url, methodOnEntry, statusOnEntry, rememberedOnEntry);
    UrlConnectionHooks.exit(connection, thrown, statusOnExit, methodOnExit);
  }

  /** A call made before any response: nothing known on entry. */
  private void firstCall(Object connection, String methodOnEntry, Throwable thrown, int statusOnExit,
      String methodOnExit) {
    call(connection, methodOnEntry, NO_RESPONSE, null, thrown, statusOnExit, methodOnExit);
  }

  @Test
  void responseCodeThenInputStreamThenHeadersIsOneRequest() {
    Object connection = new Object();
    // getResponseCode -> getInputStream, which itself calls connect and getInputStream (nested)
    UrlConnectionHooks.enter(connection, url, "GET", NO_RESPONSE, null);
    UrlConnectionHooks.enter(connection, url, "GET", NO_RESPONSE, null);
    UrlConnectionHooks.exit(connection, null, NO_RESPONSE, "GET");
    UrlConnectionHooks.enter(connection, url, "GET", NO_RESPONSE, null);
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    // then getHeaderField(0) inside getResponseCode, getInputStream, getHeaderField: the status is known
    call(connection, "GET", 200, null, null, 200, "GET");
    call(connection, "GET", 200, null, null, 200, "GET");
    call(connection, "GET", 200, null, null, 200, "GET");
    assertEquals(Map.of("GET 200 example.com 8080 1.1 -", 1L), Recorded.counts(registry));
  }

  @Test
  void connectThenOutputStreamThenResponseCodeIsOnePostFromTheFirstCall() {
    Object connection = new Object();
    firstCall(connection, "GET", null, NO_RESPONSE, "GET");   // connect
    firstCall(connection, "GET", null, NO_RESPONSE, "POST");  // getOutputStream turns GET into POST
    firstCall(connection, "POST", null, 201, "POST");         // getResponseCode
    assertEquals(Map.of("POST 201 example.com 8080 1.1 -", 1L), Recorded.counts(registry));
  }

  @Test
  void notFoundThrownByGetInputStreamIsRecordedOnceAsTheStatus() {
    Object connection = new Object();
    FileNotFoundException notFound = new FileNotFoundException("http://example.com:8080/orders/17");
    firstCall(connection, "GET", notFound, 404, "GET");
    // the caller then asks getResponseCode, which rethrows inside and returns 404
    call(connection, "GET", 404, notFound, null, 404, "GET");
    assertEquals(Map.of("GET 404 example.com 8080 1.1 404", 1L), Recorded.counts(registry));
  }

  @Test
  void aFailureBeforeAnyResponseIsRecordedOnceWithTheExceptionClass() {
    Object connection = new Object();
    ConnectException refused = new ConnectException("Connection refused");
    firstCall(connection, "GET", refused, NO_RESPONSE, "GET");
    // getResponseCode after the failure rethrows the remembered exception without a new attempt
    call(connection, "GET", NO_RESPONSE, refused, new ConnectException("Connection refused"), NO_RESPONSE, "GET");
    assertEquals(Map.of("GET - example.com 8080 - java.net.ConnectException", 1L), Recorded.counts(registry));
  }

  @Test
  void aRecordedConnectionLeavesNoStateBehind() {
    Object connection = new Object();
    firstCall(connection, "GET", null, NO_RESPONSE, "GET");
    assertNotNull(UrlConnectionHooks.MEASUREMENTS.get(connection));
    firstCall(connection, "GET", null, 200, "GET");
    assertNull(UrlConnectionHooks.MEASUREMENTS.get(connection));
  }

  @Test
  void connectionsAreTrackedByIdentityNotEquality() {
    String first = new String("same");
    String second = new String("same");
    firstCall(first, "GET", null, NO_RESPONSE, "GET");
    firstCall(second, "GET", null, NO_RESPONSE, "GET");
    firstCall(first, "GET", null, 200, "GET");
    firstCall(second, "GET", null, 500, "GET");
    assertEquals(Map.of("GET 200 example.com 8080 1.1 -", 1L, "GET 500 example.com 8080 1.1 500", 1L),
        Recorded.counts(registry));
  }

  @Test
  void callsNestedInsideAnotherClientsCallAreNotMeasured() {
    Object connection = new Object();
    OutermostCall.enter(); // e.g. inside an OkHttp interceptor
    firstCall(connection, "GET", null, 200, "GET");
    OutermostCall.exit();
    assertEquals(Map.of(), Recorded.counts(registry));
    assertNull(UrlConnectionHooks.MEASUREMENTS.get(connection));
  }

  @Test
  void aConnectionWhoseResponseIsNeverReadIsNotKeptAlive() throws InterruptedException {
    Object connection = new Object();
    firstCall(connection, "GET", null, NO_RESPONSE, "GET");
    WeakReference<Object> ref = new WeakReference<>(connection);
    connection = null;
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ref.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "the measurement must not keep the connection alive");
    assertEquals(Map.of(), Recorded.counts(registry));
  }
}
