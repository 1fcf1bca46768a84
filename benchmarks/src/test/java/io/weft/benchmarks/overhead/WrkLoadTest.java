package io.weft.benchmarks.overhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrkLoadTest {

  /** wrk 4.x's report of a run with socket errors and error statuses. */
  private static final String OUTPUT = """
      Running 3s test @ http://127.0.0.1:40123/users/1
        2 threads and 8 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   401.12us  120.40us   5.01ms   91.20%
          Req/Sec    10.01k   500.00    11.00k    70.00%
        Latency Distribution
           50%  380.00us
           75%  420.00us
           90%  500.00us
           99%    1.20ms
        60123 requests in 3.00s, 7.10MB read
        Socket errors: connect 1, read 2, write 3, timeout 4
        Non-2xx or 3xx responses: 17
      Requests/sec:  20041.00
      Transfer/sec:      2.37MB
      """;

  @Test
  void readsCompletedRequestsEachSocketErrorKindErrorStatusesAndPercentiles() throws IOException {
    WrkLoad.Result r = WrkLoad.parse(OUTPUT);
    assertEquals(new WrkLoad.Result(60123, 17, 1, 2, 3, 4, 0.38, 1.2), r);
    assertEquals(10, r.socketErrors());
  }

  @Test
  void severalPathsAreRequestedInTurnAndErrorStatusesAreCounted(@TempDir Path work) throws Exception {
    boolean wrk = List.of(System.getenv("PATH").split(File.pathSeparator)).stream()
        .anyMatch(dir -> new File(dir, "wrk").canExecute());
    if (!wrk && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("wrk is not installed (apt-get install -y wrk)");
    }
    Assumptions.assumeTrue(wrk, "wrk is not installed (apt-get install -y wrk): skipped");

    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/ok", exchange -> answer(exchange, 200, ok));
    server.createContext("/fail", exchange -> answer(exchange, 500, failed));
    server.start();
    try {
      WrkLoad.Result r = new WrkLoad(1, 2, List.of()).run(server.getAddress().getPort(), List.of("/ok", "/fail"), 1, work);
      assertTrue(r.requests() > 0);
      assertEquals(0, r.socketErrors());
      // wrk stops with up to one request per connection in flight, which the server may still count.
      assertTrue(failed.get() >= r.non2xx() && failed.get() <= r.non2xx() + 2, failed + " vs " + r);
      assertTrue(ok.get() + failed.get() >= r.requests() && ok.get() + failed.get() <= r.requests() + 2);
      assertTrue(Math.abs(ok.get() - failed.get()) <= 3, "paths in turn: " + ok + " and " + failed);
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, AtomicLong count)
      throws IOException {
    count.incrementAndGet();
    byte[] body = "x".getBytes();
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
