package io.weft.instrumentations.httpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  /** One outermost call with what the woven code passes on entry and exit. */
  private void call(Object connection, String methodOnEntry, Throwable thrown, int responseCode,
      String methodOnExit) {
    UrlConnectionHooks.enter(connection, url, methodOnEntry);
    UrlConnectionHooks.exit(connection, thrown, responseCode, methodOnExit);
  }

  @Test
  void responseCodeThenInputStreamThenHeadersIsOneRequest() {
    Object connection = new Object();
    // getResponseCode -> getInputStream, which itself calls getInputStream and connect (nested)
    UrlConnectionHooks.enter(connection, url, "GET");
    UrlConnectionHooks.enter(connection, url, "GET");
    UrlConnectionHooks.exit(connection, null, NO_RESPONSE, "GET");
    UrlConnectionHooks.enter(connection, url, "GET");
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    UrlConnectionHooks.exit(connection, null, 200, "GET");
    // getInputStream again, getHeaderField (through getInputStream)
    call(connection, "GET", null, 200, "GET");
    call(connection, "GET", null, 200, "GET");
    assertEquals(Map.of("GET 200 example.com 8080 1.1 -", 1L), Recorded.counts(registry));
  }

  @Test
  void connectThenOutputStreamThenResponseCodeIsOnePostFromTheFirstCall() {
    Object connection = new Object();
    call(connection, "GET", null, NO_RESPONSE, "GET");   // connect
    call(connection, "GET", null, NO_RESPONSE, "POST");  // getOutputStream turns GET into POST
    call(connection, "POST", null, 201, "POST");         // getResponseCode
    assertEquals(Map.of("POST 201 example.com 8080 1.1 -", 1L), Recorded.counts(registry));
  }

  @Test
  void notFoundThrownByGetInputStreamIsRecordedOnceAsTheStatus() {
    Object connection = new Object();
    call(connection, "GET", new FileNotFoundException("http://example.com:8080/orders/17"), 404, "GET");
    // the caller then asks getResponseCode, which rethrows inside and returns 404
    call(connection, "GET", null, 404, "GET");
    assertEquals(Map.of("GET 404 example.com 8080 1.1 404", 1L), Recorded.counts(registry));
  }

  @Test
  void aFailureBeforeAnyResponseIsRecordedOnceWithTheExceptionClass() {
    Object connection = new Object();
    call(connection, "GET", new ConnectException("Connection refused"), NO_RESPONSE, "GET");
    // getResponseCode after the failure rethrows the remembered exception
    call(connection, "GET", new ConnectException("Connection refused"), NO_RESPONSE, "GET");
    assertEquals(Map.of("GET - example.com 8080 - java.net.ConnectException", 1L), Recorded.counts(registry));
  }

  @Test
  void connectionsAreTrackedByIdentityNotEquality() {
    String first = new String("same");
    String second = new String("same");
    call(first, "GET", null, NO_RESPONSE, "GET");
    call(second, "GET", null, NO_RESPONSE, "GET");
    call(first, "GET", null, 200, "GET");
    call(second, "GET", null, 500, "GET");
    assertEquals(Map.of("GET 200 example.com 8080 1.1 -", 1L, "GET 500 example.com 8080 1.1 500", 1L),
        Recorded.counts(registry));
  }

  @Test
  void callsNestedInsideAnotherClientsCallAreNotMeasured() {
    Object connection = new Object();
    OutermostCall.enter(); // e.g. inside an OkHttp interceptor
    call(connection, "GET", null, 200, "GET");
    OutermostCall.exit();
    assertEquals(Map.of(), Recorded.counts(registry));
  }

  @Test
  void aConnectionsStateGoesAwayWithTheConnection() throws InterruptedException {
    Object connection = new Object();
    call(connection, "GET", null, NO_RESPONSE, "GET");
    WeakReference<Object> ref = new WeakReference<>(connection);
    connection = null;
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ref.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "the measurement must not keep the connection alive");
  }
}
