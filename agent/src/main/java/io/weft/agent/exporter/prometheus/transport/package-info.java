/**
 * The scrape endpoint's own small HTTP/1.1 server ({@link BoundedHttpServer}): a fixed number of
 * workers and queued connections, deadlines on reading a request, size limits, GET and HEAD only, no
 * request bodies, optional TLS, basic auth and an address allow-list applied before the handler runs.
 * The handler is a JDK {@code com.sun.net.httpserver.HttpHandler}, handed a {@link SocketExchange}.
 *
 * <p>Why not the JDK's HttpServer: its connection limits and timeouts are JVM-wide system properties
 * ({@code sun.net.httpserver.*}), which would change the application's own JDK server too; see
 * docs/security.md. Depends on {@code ..security}; knows nothing of metrics.
 */
package io.weft.agent.exporter.prometheus.transport;
