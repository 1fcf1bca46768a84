package io.weft.agent.exporter.prometheus;

import io.weft.agent.exporter.prometheus.security.ScrapeSecurity;
import io.weft.agent.exporter.prometheus.transport.BoundedHttpServer;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The server behind the endpoint: Weft's own {@link BoundedHttpServer} (bounded workers, connections,
 * deadlines and sizes; optional TLS, basic auth and allow-list), serving the JDK {@code HttpHandler}
 * {@link ScrapeHandler}. All its threads are daemon threads, so it never keeps a JVM alive whose
 * application has finished.
 *
 * <pre>{@code
 * ScrapeServer server = ScrapeServer.bind(new InetSocketAddress("127.0.0.1", 0), security);  // may throw
 * server.start(registry::collect, resource, ScrapeMetrics.register(registry));
 * int port = server.port();
 * server.stop();
 * }</pre>
 *
 * <p>It names {@code com.sun.net.httpserver} types (through the handler), so it is loaded only after
 * {@link PrometheusEndpoint} has checked that the module exists.
 */
final class ScrapeServer {

  private final BoundedHttpServer server;

  private ScrapeServer(BoundedHttpServer server) {
    this.server = server;
  }

  /** Binds the port; nothing is served until {@link #start}. */
  static ScrapeServer bind(InetSocketAddress address, ScrapeSecurity security) throws IOException {
    return new ScrapeServer(BoundedHttpServer.bind(address, security));
  }

  /** Binds the port without TLS, auth or allow-list. */
  static ScrapeServer bind(InetSocketAddress address) throws IOException {
    return bind(address, ScrapeSecurity.NONE);
  }

  /** Serves the registry; the handler is built here so that callers never name an HttpServer type. */
  void start(Supplier<RegistrySnapshot> collect, Resource resource, ScrapeMetrics scrapeMetrics) {
    server.start(new ScrapeHandler(collect, resource, scrapeMetrics));
  }

  int port() {
    return server.port();
  }

  InetSocketAddress address() {
    return server.address();
  }

  /** Closes the port and open connections at once, then ends the workers. */
  void stop() {
    server.stop();
  }
}
