package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.context.CallDepth;
import io.weft.bootstrap.log.WeftLog;

/**
 * What code woven into servlet containers calls, on entry to and exit from a container's {@code
 * FilterChain.doFilter} and {@code HttpServlet.service(ServletRequest, ServletResponse)}, javax and
 * jakarta alike.
 *
 * <p>One measurement per request: only the outermost of these calls on a thread measures (filters
 * calling the next filter, the servlet, forwards and includes are nested inside it), and the
 * request attribute {@link #ATTRIBUTE} marks a request already measured, so that the container's
 * later dispatches of the same request (async dispatch, error page) on a fresh stack are not
 * measured again. Neither method ever throws.
 */
public final class ServletHooks {

  /** The request attribute holding the request's {@link ServletRequestTiming}. */
  static final String ATTRIBUTE = "io.weft.http.server.timing";

  private static final CallDepth DEPTH = new CallDepth();

  private ServletHooks() {}

  /**
   * On entry; returns the request's timing when this call measures it, a small token for a later
   * dispatch of a measured request, else null. Cost when it measures: two attribute accesses, two
   * reads and one small allocation; when nested: a thread-local increment.
   */
  public static Object enter(Object request, Object response) {
    if (AgentThread.isCurrent() || DEPTH.enter() != 0) {
      return null;
    }
    try {
      HttpServerMetrics metrics = HttpServerMetrics.current();
      ServletApi api = metrics == null ? null : ServletApi.of(request);
      if (api == null) {
        return null;
      }
      Object measured = api.attribute(request, ATTRIBUTE);
      if (measured != null) {
        return measured instanceof ServletRequestTiming timing ? new LaterDispatch(timing) : null;
      }
      String method = api.method(request);
      String scheme = api.scheme(request);
      ServletRequestTiming timing = new ServletRequestTiming(api, metrics, method, scheme);
      api.setAttribute(request, ATTRIBUTE, timing);
      timing.start();
      return timing;
    } catch (Throwable t) {
      failed(t);
      return null;
    }
  }

  /**
   * On every exit; {@code token} is what {@link #enter} returned, {@code thrown} what escaped the
   * call, or null.
   */
  public static void exit(Throwable thrown, Object token, Object request, Object response) {
    if (AgentThread.isCurrent() || DEPTH.exit() != 0 || token == null) {
      return;
    }
    try {
      if (token instanceof LaterDispatch dispatch) {
        if (thrown != null) {
          dispatch.timing().laterDispatchFailed(thrown);
        }
      } else {
        ((ServletRequestTiming) token).outermostCallEnded(request, response, thrown);
      }
    } catch (Throwable t) {
      failed(t);
    }
  }

  /**
   * An outermost call for a request measured earlier: an async dispatch (or an error page). It does
   * not measure, but what escapes it is the application's exception for the async request, before
   * the container wraps it (Tomcat) or reports only a status (Jetty).
   */
  private record LaterDispatch(ServletRequestTiming timing) {}

  private static void failed(Throwable t) {
    WeftLog.warnLimited("http.server.servlet", "recording a servlet request failed; the request is unaffected: " + t);
  }
}
