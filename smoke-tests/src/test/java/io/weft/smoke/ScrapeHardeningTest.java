package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Scrape;
import io.weft.smoke.harness.TlsScrape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the endpoint survives whatever its configuration: slow clients, huge headers, a thousand
 * connections; the application's own server must not notice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScrapeHardeningTest {
  /** BoundedHttpServer.WORKERS; docs/security.md states it. */
  static final int WORKERS = 2;
  /** BoundedHttpServer.HEAD_TIMEOUT_MILLIS. */
  static final long HEAD_TIMEOUT_MILLIS = 5_000;
  private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/metrics");

  private Demo demo;
  private int port;

  @BeforeAll
  void start() {
    demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", "0"), "scrape-hardening");
    Matcher matcher = PORT.matcher(demo.awaitAgentStarted());
    assertTrue(matcher.find(), demo.jvm().describeOutput());
    port = Integer.parseInt(matcher.group(1));
  }

  @AfterAll
  void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void slowlorisOnEveryWorkerIsCutOffAndANormalScrapeSucceeds() throws Exception {
    List<Socket> slow = new ArrayList<>();
    AtomicInteger cutOff = new AtomicInteger();
    List<Thread> tricklers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      Socket socket = connect();
      socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      slow.add(socket);
      Thread trickler = new Thread(() -> trickle(socket, cutOff));
      trickler.setDaemon(true);
      trickler.start();
      tricklers.add(trickler);
    }
    Thread.sleep(300); // both workers are now reading the trickled heads
    long start = System.nanoTime();
    TlsScrape.Result scrape = TlsScrape.get(null, port, "/metrics", null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, scrape.status(), scrape.head());
    assertTrue(scrape.body().contains("target_info{"));
    assertTrue(millis < HEAD_TIMEOUT_MILLIS + 4_000, "the scrape waited " + millis + " ms");
    for (Thread trickler : tricklers) {
      trickler.join(HEAD_TIMEOUT_MILLIS + 5_000);
    }
    assertEquals(WORKERS, cutOff.get(), "every slow client must have been cut off");
    System.err.println("[smoke] scrape behind " + WORKERS + " slowloris connections answered after " + millis + " ms");
    for (Socket socket : slow) {
      socket.close();
    }
  }

  /** One byte every 200 ms, for at most 20 s; counts the connection as cut off when the server closes it. */
  private static void trickle(Socket socket, AtomicInteger cutOff) {
    try {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      socket.setSoTimeout(200);
      for (int i = 0; i < 100; i++) {
        out.write('a');
        out.flush();
        try {
          if (in.read() < 0) {
            cutOff.incrementAndGet();
            return;
          }
        } catch (java.net.SocketTimeoutException stillOpen) {
          // the server is still waiting for the head
        }
      }
    } catch (IOException closedByServer) {
      cutOff.incrementAndGet();
    }
  }

  @Test
  void aMegabyteOfHeadersGets431OrACloseAndTheServerCarriesOn() throws Exception {
    for (int round = 0; round < 5; round++) {
      String answer = "";
      try (Socket socket = connect()) {
        OutputStream out = socket.getOutputStream();
        out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] line = ("X-Padding: " + "p".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
          for (int i = 0; i < 1_000; i++) {
            out.write(line);
          }
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedWhileSending) {
          // allowed: the server stopped reading after its limit
        }
        try {
          answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException reset) {
          answer = "";
        }
      }
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 431 "), answer);
      assertTrue(answer.isEmpty() || answer.endsWith("\r\n\r\nRequest Header Fields Too Large: over 16384 bytes\n"),
          answer);
    }
    assertEquals(200, TlsScrape.get(null, port, "/metrics", null).status());
  }

  @Test
  void aThousandConnectionsLeaveTheApplicationAloneAndAScrapeSucceedsAfterwards() throws Exception {
    long before = medianMillis(demoLatencies(30));
    List<Socket> flood = new ArrayList<>();
    int refused = 0;
    try {
      for (int i = 0; i < 1_000; i++) {
        try {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
          flood.add(socket);
        } catch (IOException e) {
          refused++;
        }
      }
      List<Long> during = demoLatencies(30);
      long duringMedian = medianMillis(during);
      String numbers = "application /hello median " + before + " ms before, " + duringMedian + " ms with "
          + flood.size() + " connections open to the metrics port (" + refused + " refused by the OS)";
      System.err.println("[smoke] " + numbers);
      assertTrue(duringMedian <= before * 5 + 20, numbers);
    } finally {
      for (Socket socket : flood) {
        socket.close();
      }
    }
    long deadline = System.nanoTime() + 15_000_000_000L;
    TlsScrape.Result scrape = null;
    while (System.nanoTime() < deadline) {
      try {
        scrape = TlsScrape.get(null, port, "/metrics", null);
        if (scrape.status() == 200) {
          break;
        }
      } catch (IOException closedWhileDraining) {
        Thread.sleep(200);
      }
    }
    assertEquals(200, scrape == null ? 0 : scrape.status(), "no successful scrape after the flood");
    assertTrue(scrape.body().contains("target_info{"));
  }

  private List<Long> demoLatencies(int count) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      assertEquals(200, Scrape.get(demo.uri("/hello")).status());
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    return millis;
  }

  private static long medianMillis(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    return socket;
  }
}
