package io.weft.smoke.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty server on loopback for HTTP client tests, run inside the test JVM: one port per name (so
 * that each client's requests are told apart by {@code server.port}), each speaking HTTP/1.1 and
 * HTTP/2 over cleartext (upgrade or prior knowledge). Every port answers the same paths:
 *
 * <ul>
 *   <li>{@code /ok} 200, {@code /accepted} 202, {@code /missing} 404, {@code /error} 500, any method;
 *   <li>{@code /redirect} 302 to {@code /accepted};
 *   <li>{@code /slow} 200 only once the server closes (or after a minute): for read timeouts.
 * </ul>
 *
 * <pre>{@code
 * try (HttpTargetServer server = HttpTargetServer.start("jdk", "okhttp")) {
 *   int port = server.port("jdk");
 * }
 * }</pre>
 */
public final class HttpTargetServer implements AutoCloseable {
  private final Server server;
  private final Map<String, Integer> ports;
  private final CountDownLatch closing;

  private HttpTargetServer(Server server, Map<String, Integer> ports, CountDownLatch closing) {
    this.server = server;
    this.ports = ports;
    this.closing = closing;
  }

  public static HttpTargetServer start(String... names) {
    CountDownLatch closing = new CountDownLatch(1);
    Server server = new Server();
    List<ServerConnector> connectors = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      HttpConfiguration config = new HttpConfiguration();
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config),
          new HTTP2CServerConnectionFactory(config));
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      connectors.add(connector);
    }
    server.setHandler(new Paths(closing));
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the HTTP target server", e);
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      ports.put(names[i], connectors.get(i).getLocalPort());
    }
    return new HttpTargetServer(server, ports, closing);
  }

  /** The port of this name. */
  public int port(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException("no port named " + name + " in " + ports);
    }
    return port;
  }

  @Override
  public void close() {
    closing.countDown();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the HTTP target server", e);
    }
  }

  /** The paths every port answers. Blocking (for {@code /slow}), so Jetty runs it on a pool thread. */
  private static final class Paths extends Handler.Abstract {
    private final CountDownLatch closing;

    Paths(CountDownLatch closing) {
      this.closing = closing;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      switch (Request.getPathInContext(request)) {
        case "/ok" -> answer(response, callback, 200, "ok");
        case "/accepted" -> answer(response, callback, 202, "accepted");
        case "/missing" -> answer(response, callback, 404, "missing");
        case "/error" -> answer(response, callback, 500, "error");
        case "/redirect" -> {
          response.getHeaders().put(HttpHeader.LOCATION, "/accepted");
          answer(response, callback, 302, "see /accepted");
        }
        case "/slow" -> {
          closing.await(1, TimeUnit.MINUTES);
          answer(response, callback, 200, "slow");
        }
        default -> answer(response, callback, 404, "no such path");
      }
      return true;
    }

    private static void answer(Response response, Callback callback, int status, String body) {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      Content.Sink.write(response, true, body + "\n", callback);
    }
  }
}
