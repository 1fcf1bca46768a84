package io.weft.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assertions;

/**
 * A real Prometheus server (Debian's {@code prometheus}) with a given scrape configuration and its own
 * {@code --web.config.file}, so that its API is reached over TLS with a client certificate and basic
 * auth. Free loopback port, temporary storage; stopped by handle.
 */
public final class SecuredPrometheus implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;
  private final SSLContext client;
  private final String authorization;

  private SecuredPrometheus(Process process, int port, Path log, SSLContext client, String authorization) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.client = client;
    this.authorization = authorization;
  }

  /**
   * Starts Prometheus with {@code scrapeConfig} (a whole prometheus.yml) and {@code webConfig}; its API
   * is then called with {@code client} and {@code authorization}.
   */
  public static SecuredPrometheus start(String scrapeConfig, Path webConfig, Path workDirectory, SSLContext client,
      String authorization) {
    Path binary = Executables.require("prometheus", "Debian: apt-get install prometheus");
    int port = FreePort.pick();
    try {
      Path config = Files.writeString(workDirectory.resolve("prometheus.yml"), scrapeConfig);
      Path log = workDirectory.resolve("prometheus.log");
      Process process = new ProcessBuilder(
              binary.toString(),
              "--config.file=" + config,
              "--web.config.file=" + webConfig,
              "--storage.tsdb.path=" + workDirectory.resolve("data"),
              "--web.listen-address=127.0.0.1:" + port,
              "--log.level=warn")
          .directory(workDirectory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      SecuredPrometheus server = new SecuredPrometheus(process, port, log, client, authorization);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
  }

  public int port() {
    return port;
  }

  /** GET on Prometheus' own HTTP API with the client certificate and credentials. */
  public TlsScrape.Result api(String pathAndQuery) throws IOException {
    return TlsScrape.get(client, port, pathAndQuery, authorization);
  }

  /** The JSON answer of an instant query. */
  public String query(String promql) throws IOException {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
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
        if (api("/-/ready").status() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // polled again below
      }
      if (System.nanoTime() - deadline > 0) {
        close();
        Assertions.fail("Prometheus not ready within " + Polling.START + ": " + log());
      }
      Polling.pause();
    }
  }
}
