/**
 * HTTP server metrics ({@code http.server.request.duration}, {@code http.server.active_requests},
 * and optionally the request and response body sizes): the instruments, the route rules, the hooks
 * woven code calls, and the type instrumentations for each server: the JDK's {@code
 * com.sun.net.httpserver}, and Servlet containers through {@code FilterChain} implementations and
 * {@code HttpServlet}, javax and jakarta alike. Switched off as a whole by {@code
 * WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED=false}.
 *
 * <p>Loaded on the bootstrap class path: server types (which live in other class loaders) are
 * reached through method handles resolved once (per class loader for the servlet API), never named
 * in signatures.
 */
package io.weft.instrumentations.httpserver;
