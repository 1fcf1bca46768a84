package io.weft.agent.exporter.prometheus.transport;

import com.sun.net.httpserver.HttpHandler;
import io.weft.agent.exporter.prometheus.security.ScrapeSecurity;
import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.log.WeftLog;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * A small HTTP/1.1 server for the scrape endpoint whose every resource is bounded, whatever clients do.
 *
 * <pre>{@code
 * BoundedHttpServer server = BoundedHttpServer.bind(new InetSocketAddress("127.0.0.1", 0), security);
 * server.start(handler);     // a JDK HttpHandler, given a SocketExchange
 * server.port();
 * server.stop();
 * }</pre>
 *
 * <ul>
 *   <li><b>Threads:</b> one accept thread, {@value #WORKERS} workers, one timer; all daemon agent threads.
 *   <li><b>Connections:</b> at most {@value #WORKERS} served and {@value #QUEUED} waiting; a connection
 *       beyond that is closed as soon as it is accepted, which a scraper sees as a failed scrape.
 *   <li><b>Deadlines:</b> the TLS handshake and the whole request head must arrive within
 *       {@link #HEAD_TIMEOUT_MILLIS} ms of the worker taking the connection, however slowly the bytes
 *       trickle in (a timer closes the socket; a per-read timeout alone would let slowloris go on
 *       forever); the response must be sent within {@link #RESPONSE_TIMEOUT_MILLIS} ms.
 *   <li><b>Sizes:</b> the request head is at most {@value #MAX_HEAD_BYTES} bytes (then 431 and close);
 *       a body is never read; one request per connection ({@code Connection: close}).
 *   <li><b>Order of checks:</b> allow-list (403) before anything else is done for the request, then TLS
 *       handshake (client certificates are checked in it), then basic auth (401 with
 *       {@code WWW-Authenticate: Basic}), then the handler, which answers 405 to methods other than GET
 *       and HEAD (the server never reads a request body, whatever the method).
 * </ul>
 * Keep-alive is left out on purpose: a worker would otherwise wait on an idle connection between
 * scrapes; a new connection per scrape (with TLS session resumption) costs little at scrape rates.
 */
public final class BoundedHttpServer {
  public static final int WORKERS = 2;
  public static final int QUEUED = 16;
  public static final int MAX_HEAD_BYTES = 16 * 1024;
  public static final long HEAD_TIMEOUT_MILLIS = 5_000;
  public static final long RESPONSE_TIMEOUT_MILLIS = 30_000;

  private static final Object STOP = new Object();

  private final ServerSocket serverSocket;
  private final ScrapeSecurity security;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor timer;
  private final FailedLogins failedLogins = new FailedLogins();
  private volatile boolean stopped;
  private HttpHandler handler;
  private Thread acceptor;

  private BoundedHttpServer(ServerSocket serverSocket, ScrapeSecurity security) {
    this.serverSocket = serverSocket;
    this.security = security;
    this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("weft-prometheus-timer-"));
    this.timer.setRemoveOnCancelPolicy(true);
  }

  /** Binds the port; nothing is accepted until {@link #start}. */
  public static BoundedHttpServer bind(InetSocketAddress address, ScrapeSecurity security) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.bind(address, 64);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return new BoundedHttpServer(socket, security);
  }

  public void start(HttpHandler handler) {
    this.handler = handler;
    java.util.concurrent.ThreadFactory workers = daemonThreads("weft-prometheus-http-");
    for (int i = 0; i < WORKERS; i++) {
      workers.newThread(this::work).start();
    }
    acceptor = daemonThreads("weft-prometheus-accept-").newThread(this::accept);
    acceptor.start();
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverSocket.getLocalSocketAddress();
  }

  /** Closes the port and every open connection; workers end. */
  public void stop() {
    stopped = true;
    closeQuietly(serverSocket);
    Object queued;
    while ((queued = queue.poll()) != null) {
      if (queued instanceof Accepted accepted) {
        closeQuietly(accepted.socket);
      }
    }
    for (int i = 0; i < WORKERS; i++) {
      queue.offer(STOP);
    }
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    timer.shutdownNow();
  }

  private void accept() {
    while (!stopped) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!stopped) {
          WeftLog.warnLimited("prometheus-accept", "the Prometheus endpoint could not accept a connection: " + e);
          pause(); // e.g. out of file descriptors: do not spin
        }
        continue;
      }
      boolean allowed = security.allow() == null || security.allow().allows(socket.getInetAddress());
      if (!queue.offer(new Accepted(socket, allowed))) {
        closeQuietly(socket); // over the bound: refused without reading a byte
      }
    }
  }

  private void work() {
    while (true) {
      Object next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (next == STOP || stopped) {
        if (next instanceof Accepted accepted) {
          closeQuietly(accepted.socket);
        }
        return;
      }
      Accepted accepted = (Accepted) next;
      open.add(accepted.socket);
      try {
        serve(accepted);
      } catch (Throwable t) {
        WeftLog.debug("a Prometheus endpoint connection ended: " + t);
      } finally {
        closeQuietly(accepted.socket);
        open.remove(accepted.socket);
      }
    }
  }

  private void serve(Accepted accepted) throws IOException {
    Socket raw = accepted.socket;
    ScheduledFuture<?> deadline = closeAfter(raw, HEAD_TIMEOUT_MILLIS);
    try {
      raw.setSoTimeout((int) HEAD_TIMEOUT_MILLIS);
      raw.setTcpNoDelay(true);
      Socket socket = raw;
      if (security.tls() != null) {
        SSLSocket tls = security.tls().wrap(raw);
        tls.startHandshake(); // refuses a client without an acceptable certificate
        if (!security.tls().peerAllowed(tls)) {
          return;
        }
        socket = tls;
      }
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
      RequestHead head;
      try {
        head = RequestHead.read(in, MAX_HEAD_BYTES);
      } catch (RequestHead.TooLarge e) {
        Responses.writeLine(out, 431, false, security.headers(), Responses.HEAD_TOO_LARGE);
        return;
      } catch (RequestHead.Malformed e) {
        Responses.write(out, 400, false, security.headers());
        return;
      }
      deadline.cancel(false);
      deadline = closeAfter(raw, RESPONSE_TIMEOUT_MILLIS);
      respond(accepted, socket, head, out);
      out.flush();
      if (socket instanceof SSLSocket) {
        socket.close(); // sends close_notify
      }
    } finally {
      deadline.cancel(false);
    }
  }

  private void respond(Accepted accepted, Socket socket, RequestHead head, OutputStream out) throws IOException {
    boolean isHead = head.method.equals("HEAD");
    if (!accepted.allowed) {
      Responses.write(out, 403, isHead, security.headers());
      return;
    }
    if (security.users() != null) {
      String authorization = head.headers.getFirst("Authorization");
      if (!security.users().check(authorization)) {
        if (authorization != null) {
          failedLogins.failed(socket.getInetAddress());
        }
        Responses.write(out, 401, isHead, security.headers(), "WWW-Authenticate", "Basic");
        return;
      }
    }
    SocketExchange exchange = new SocketExchange(head, out,
        (InetSocketAddress) socket.getRemoteSocketAddress(), (InetSocketAddress) socket.getLocalSocketAddress(),
        security.headers());
    handler.handle(exchange);
    if (exchange.getResponseCode() == -1) {
      Responses.write(out, 500, isHead, security.headers());
    }
    exchange.close();
  }

  private ScheduledFuture<?> closeAfter(Socket socket, long millis) {
    return timer.schedule(() -> closeQuietly(socket), millis, TimeUnit.MILLISECONDS);
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException ignored) {
      // Nothing to do about a socket that does not close cleanly.
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    // Agent threads: instrumentation hooks ignore them, so scrapes are not measured as application requests.
    return runnable -> new AgentThread(runnable, prefix + count.incrementAndGet());
  }

  private record Accepted(Socket socket, boolean allowed) {}
}
