package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.metrics.UpDownCounter;

/**
 * One servlet request being measured: what was known when it entered the servlet layer, and how its
 * measurement ends. It is also the value of the request attribute {@link ServletHooks#ATTRIBUTE},
 * which marks the request as measured so that async and error dispatches of it are not measured
 * again.
 *
 * <p>A request ends when the outermost filter chain or servlet call returns, unless the application
 * started async processing ({@code startAsync}): then it ends when the container completes it, as
 * an {@code AsyncListener} learns (see {@link AsyncCompletion}).
 */
final class ServletRequestTiming {

  private final ServletApi api;
  private final HttpServerMetrics metrics;
  private final String method;
  private final String scheme;
  private UpDownCounter.Handle activeSeries;
  private long startNanos;
  /** What escaped an async dispatch of this request, if one failed. */
  private volatile Throwable dispatchError;

  ServletRequestTiming(ServletApi api, HttpServerMetrics metrics, String method, String scheme) {
    this.api = api;
    this.metrics = metrics;
    this.method = method;
    this.scheme = scheme;
  }

  /**
   * Counts the request as active and starts the clock; once, by the thread that made this. An async
   * completion on another thread reads these fields only after the listener was added, later on
   * this same thread, and the container's hand-over to that thread orders the writes before.
   */
  void start() {
    activeSeries = metrics.started(method, scheme);
    startNanos = System.nanoTime();
  }

  /**
   * The outermost call returned (or threw {@code thrown}): record now, or when async processing
   * completes. The route is read now in both cases: the request still shows the mapping it arrived
   * by, which a later async dispatch to another path may replace.
   */
  void outermostCallEnded(Object request, Object response, Throwable thrown) throws Throwable {
    String route = ServletRoute.of(api, request, metrics.routes());
    if (thrown == null && api.isAsyncStarted(request)) {
      try {
        api.addAsyncListener(request, AsyncCompletion.listener(api, this, route, request, response));
        return;
      } catch (Throwable t) {
        // The request ends as it is now rather than never (which would leave it active forever).
        finish(route, request, response, null);
        throw t;
      }
    }
    finish(route, request, response, thrown);
  }

  /** A later dispatch of this request (async) threw; kept for {@code error.type}. */
  void laterDispatchFailed(Throwable thrown) {
    dispatchError = thrown;
  }

  /** What escaped an async dispatch of this request, or null. */
  Throwable dispatchError() {
    return dispatchError;
  }

  /**
   * Records the request. An escaping exception makes it a 500 unless the response was already
   * committed (then the client saw the committed status); {@code error.type} is the exception's
   * class, the cause's for a {@code ServletException} that only wraps one.
   */
  void finish(String route, Object request, Object response, Throwable thrown) throws Throwable {
    int status = thrown != null && !api.isCommitted(response) ? 500 : api.status(response);
    Throwable error = thrown;
    if (error != null && error.getCause() != null && api.isServletException(error)) {
      error = error.getCause();
    }
    long requestBytes = -1;
    long responseBytes = -1;
    if (metrics.recordsBodySizes()) {
      requestBytes = api.contentLength(request);
      // A HEAD response declares the length of the body it does not send.
      responseBytes = "HEAD".equals(method) ? -1 : ContentLength.parse(api.responseHeader(response, "Content-Length"));
    }
    metrics.finished(activeSeries, startNanos, method, status, route, scheme, api.protocol(request), error, requestBytes,
        responseBytes);
  }
}
