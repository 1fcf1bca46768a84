package io.weft.benchmarks;

import io.weft.agent.exporter.prometheus.PrometheusEndpoint;
import io.weft.agent.exporter.prometheus.security.ScrapeSecurity;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What TLS and basic auth add to a scrape: the same registry served plain and with a web configuration
 * of TLS (RSA 2048 from PEM files) and bcrypt basic auth (cost 10, made by {@code htpasswd}), scraped
 * over loopback one request at a time. Each scrape is a new connection, as the endpoint closes every
 * connection after its answer; the client reuses its TLS session (resumption), as Prometheus' does.
 * The bcrypt cache is warm from the first scrape of the warm-up on, so this measures TLS plus a cache
 * hit, not bcrypt. Needs {@code openssl} and {@code htpasswd} on PATH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
public class SecuredScrapeBenchmark {

  /** Counter series in the registry: a small service, and a large one. */
  @Param({"100", "10000"})
  public int series;

  private Path dir;
  private PrometheusEndpoint plain;
  private PrometheusEndpoint secured;
  private SSLContext client;
  private byte[] plainRequest;
  private byte[] securedRequest;

  @Setup
  public void setUp() throws Exception {
    MetricRegistry registry = new MetricRegistry();
    int perMetric = Math.min(series, 1000);
    for (int m = 0; m < series / perMetric; m++) {
      Counter c = registry.counter("bench.requests." + m).unit("{request}").description("Requests.")
          .attributeKeys("http.route", "http.response.status_code").register();
      for (int s = 0; s < perMetric; s++) {
        c.bind("/route/" + (s / 10), Integer.toString(200 + s % 10)).add(s);
      }
    }
    Resource resource = new Resource(Map.of("service.name", "bench", "telemetry.sdk.name", "weft"));

    dir = Files.createTempDirectory("weft-secured-scrape");
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.crt",
        "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1");
    String hash = run("htpasswd", "-nbBC", "10", "prometheus", "bench-password").trim().substring("prometheus:".length());
    Path webConfig = Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n"
        + "  key_file: server.key\nbasic_auth_users:\n  prometheus: " + hash + "\n");

    plain = PrometheusEndpoint.start(registry, resource, "127.0.0.1", 0);
    secured = PrometheusEndpoint.start(registry, resource, "127.0.0.1", 0,
        ScrapeSecurity.load(webConfig.toString(), null));
    plainRequest = request(plain.port(), null);
    securedRequest = request(secured.port(),
        "Basic " + Base64.getEncoder().encodeToString("prometheus:bench-password".getBytes(StandardCharsets.UTF_8)));

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(dir.resolve("server.crt"))) {
      trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    client = SSLContext.getInstance("TLS");
    client.init(null, trustManagers.getTrustManagers(), null);
    if (!new String(scrapeTlsBasicAuth(), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200 ")) {
      throw new IllegalStateException("the secured endpoint did not answer 200");
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    plain.stop();
    secured.stop();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public byte[] scrapePlainHttp() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", plain.port()));
    return exchange(socket, plainRequest);
  }

  @Benchmark
  public byte[] scrapeTlsBasicAuth() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true); // as Go's (Prometheus') client; otherwise Nagle holds the request behind the handshake
    socket.connect(new InetSocketAddress("127.0.0.1", secured.port()));
    SSLSocket tls = (SSLSocket) client.getSocketFactory().createSocket(socket, "127.0.0.1", secured.port(), true);
    return exchange(tls, securedRequest);
  }

  private static byte[] exchange(Socket socket, byte[] request) throws IOException {
    try (socket) {
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      ByteArrayOutputStream response = new ByteArrayOutputStream(64 * 1024);
      socket.getInputStream().transferTo(response);
      return response.toByteArray();
    }
  }

  private static byte[] request(int port, String authorization) {
    return ("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private String run(String... command) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(command));
    Process process = new ProcessBuilder(arguments).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
