package io.weft.demo;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The demo service on 127.0.0.1:{@code DEMO_PORT} (default 8080, 0 picks a free port).
 *
 * <pre>
 *   /hello       200 "hello"
 *   /users/{id}  a JDBC query on H2: 200, 404 or 400
 *   /work        a task on the "demo-work" ThreadPoolExecutor
 *   /outbound    an HTTP client call to this service's own /hello
 *   /fail        the handler throws: 500
 *   /crash       the handler throws and nothing catches it: the JDK server closes the connection
 * </pre>
 *
 * <p>Prints exactly two lines on stdout, the last one {@code demo ready on port N}, and nothing
 * after that: tests check that the agent adds nothing to them.
 */
public final class DemoService {
  private final HttpServer server;
  private final ExecutorService requestThreads;
  private final ThreadPoolExecutor workPool;

  private DemoService(HttpServer server, ExecutorService requestThreads, ThreadPoolExecutor workPool) {
    this.server = server;
    this.requestThreads = requestThreads;
    this.workPool = workPool;
  }

  public static void main(String[] args) throws Exception {
    String portSetting = System.getenv().getOrDefault("DEMO_PORT", "8080");
    int port;
    try {
      port = Integer.parseInt(portSetting.strip());
    } catch (NumberFormatException e) {
      System.err.println("DEMO_PORT=" + portSetting + " is not a port number");
      System.exit(2);
      return;
    }
    DemoService demo = start(port);
    System.out.println(
        "Weft demo: http://127.0.0.1:" + demo.port() + "/hello (also /users/1, /work, /outbound, /fail)"
            + "; metrics: " + MetricsLocation.describe());
    System.out.println("demo ready on port " + demo.port());
  }

  /** Creates the database and starts serving; port 0 picks a free port. */
  public static DemoService start(int port) throws IOException, SQLException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed
    // ACK on keep-alive connections: about 40 ms per request on Java 17. Production services set it.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    UserDirectory users = UserDirectory.create();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    // A pool, not the server's single dispatcher thread: /outbound calls back into this server.
    ExecutorService requestThreads = Executors.newFixedThreadPool(8, new NamedThreadFactory("demo-http"));
    ThreadPoolExecutor workPool =
        new ThreadPoolExecutor(
            2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), new NamedThreadFactory("demo-work"));
    server.setExecutor(requestThreads);
    int boundPort = server.getAddress().getPort();

    route(server, "/hello", exchange -> TextResponse.send(exchange, 200, "hello"));
    route(server, UsersHandler.CONTEXT, new UsersHandler(users));
    route(server, "/work", new WorkHandler(workPool));
    route(server, "/outbound", new OutboundHandler(URI.create("http://127.0.0.1:" + boundPort + "/hello")));
    route(server, "/fail", exchange -> {
      throw new IllegalStateException("this endpoint always fails");
    });
    // No error filter here: the exception reaches the JDK server, which drops the connection.
    server.createContext("/crash", exchange -> {
      throw new IllegalStateException("this endpoint always crashes");
    });
    server.start();
    return new DemoService(server, requestThreads, workPool);
  }

  private static void route(HttpServer server, String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    context.getFilters().add(new InternalErrorFilter());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving and ends the pools. */
  public void stop() {
    server.stop(0);
    requestThreads.shutdownNow();
    workPool.shutdownNow();
  }

  /** Whether a {@code -javaagent} flag was given to this JVM (on the command line or JAVA_TOOL_OPTIONS). */
  static boolean agentAttached() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(argument -> argument.startsWith("-javaagent:"));
  }
}
