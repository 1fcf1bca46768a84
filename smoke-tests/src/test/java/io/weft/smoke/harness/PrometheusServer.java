package io.weft.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * A real Prometheus server (Debian's {@code prometheus}) scraping one target every second, for
 * checks that only a real scraper makes: content negotiation with its own Accept header and its
 * strict OpenMetrics parser. Started on a free loopback port with its data in a temporary folder;
 * missing from PATH it fails on CI and is skipped elsewhere.
 */
public final class PrometheusServer implements AutoCloseable {
  /** What a target's entry in {@code /api/v1/targets} says after its first scrape. */
  public record TargetState(String health, String lastError) {}

  private static final Pattern HEALTH = Pattern.compile("\"health\":\"([a-z]+)\"");
  private static final Pattern LAST_ERROR = Pattern.compile("\"lastError\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Process process;
  private final int port;
  private final Path log;

  private PrometheusServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts Prometheus scraping {@code 127.0.0.1:targetPort/metrics} as job "weft". */
  public static PrometheusServer scraping(int targetPort, Path workDirectory) {
    Path binary = Executables.require("prometheus", "Debian: apt-get install prometheus");
    int port = FreePort.pick();
    try {
      Path config = Files.writeString(
          workDirectory.resolve("prometheus.yml"),
          "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
              + "scrape_configs:\n  - job_name: weft\n    static_configs:\n"
              + "      - targets: ['127.0.0.1:" + targetPort + "']\n");
      Path log = workDirectory.resolve("prometheus.log");
      Process process = new ProcessBuilder(
              binary.toString(),
              "--config.file=" + config,
              "--storage.tsdb.path=" + workDirectory.resolve("data"),
              "--web.listen-address=127.0.0.1:" + port,
              "--log.level=warn")
          .directory(workDirectory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      PrometheusServer server = new PrometheusServer(process, port, log);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
  }

  /** Waits until Prometheus has scraped the target at least once and returns what it reported. */
  public TargetState awaitFirstScrape(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String targets = Scrape.get(api("/api/v1/targets?state=active")).text();
      Matcher health = HEALTH.matcher(targets);
      if (health.find() && !health.group(1).equals("unknown")) {
        Matcher error = LAST_ERROR.matcher(targets);
        return new TargetState(health.group(1), error.find() ? error.group(1) : null);
      }
      if (System.nanoTime() - deadline > 0) {
        Assertions.fail("Prometheus did not scrape within " + timeout + ": " + targets + "\n" + log());
      }
      Polling.pause();
    }
  }

  /** The JSON answer of an instant query. */
  public String query(String promql) {
    return Scrape.get(api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).text();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + Polling.START.toNanos();
    while (true) {
      Assertions.assertTrue(process.isAlive(), () -> "Prometheus ended: " + log());
      try {
        if (Scrape.get(api("/-/ready")).status() == 200) {
          return;
        }
      } catch (UncheckedIOException notYetListening) {
        // polled again below
      }
      if (System.nanoTime() - deadline > 0) {
        close();
        Assertions.fail("Prometheus not ready within " + Polling.START + ": " + log());
      }
      Polling.pause();
    }
  }

  private URI api(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  private String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
