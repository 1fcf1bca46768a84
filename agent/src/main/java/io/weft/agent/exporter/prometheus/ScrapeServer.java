package io.weft.agent.exporter.prometheus;

import com.sun.net.httpserver.HttpServer;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The JDK {@link HttpServer} behind the endpoint, on daemon threads only, so that it never keeps a
 * JVM alive whose application has finished.
 *
 * <pre>{@code
 * ScrapeServer server = ScrapeServer.bind(new InetSocketAddress("127.0.0.1", 0));  // may throw
 * server.start(registry::collect, resource, ScrapeMetrics.register(registry));
 * int port = server.port();
 * server.stop();
 * }</pre>
 *
 * <p>The only class that names {@code com.sun.net.httpserver} apart from the handler; it is loaded
 * only after {@link PrometheusEndpoint} has checked that the module exists.
 *
 * <p>Threads: the JDK's dispatcher, which inherits daemon status from the thread that calls
 * {@code start} (hence {@link #start} runs it from a daemon thread when needed), and a pool of
 * {@value #THREADS} daemon workers with a queue of {@value #QUEUE} requests. When the queue is full
 * the JDK server closes the new connection, which a scraper sees as a failed scrape and retries.
 */
final class ScrapeServer {

  static final int THREADS = 2;
  static final int QUEUE = 16;

  private final HttpServer server;
  private final ThreadPoolExecutor workers;

  private ScrapeServer(HttpServer server, ThreadPoolExecutor workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Binds the port; nothing is served until {@link #start}. */
  static ScrapeServer bind(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ThreadPoolExecutor workers = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), daemonThreads("weft-prometheus-http-"));
    workers.allowCoreThreadTimeOut(true); // nobody scraping for a minute: no idle threads
    server.setExecutor(workers);
    return new ScrapeServer(server, workers);
  }

  /** Serves the registry; the handler is built here so that callers never name an HttpServer type. */
  void start(Supplier<RegistrySnapshot> collect, Resource resource, ScrapeMetrics scrapeMetrics)
      throws Exception {
    server.createContext("/", new ScrapeHandler(collect, resource, scrapeMetrics));
    if (Thread.currentThread().isDaemon()) {
      server.start();
      return;
    }
    FutureTask<Void> start = new FutureTask<>(() -> {
      server.start();
      return null;
    });
    daemonThreads("weft-prometheus-start-").newThread(start).start();
    try {
      start.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Closes the port and open connections at once, then ends the workers. */
  void stop() {
    try {
      server.stop(0);
    } finally {
      workers.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    // Agent threads: instrumentation hooks ignore them, so scrapes are not measured as application requests.
    return runnable -> new AgentThread(runnable, prefix + count.incrementAndGet());
  }
}
