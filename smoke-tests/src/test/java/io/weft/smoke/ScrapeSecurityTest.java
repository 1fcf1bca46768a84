package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Htpasswd;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TestCertificates;
import io.weft.smoke.harness.TlsScrape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The endpoint with the strictest web configuration: TLS, RequireAndVerifyClientCert, bcrypt basic
 * auth and an extra header, in one demo JVM; every way in that must fail, fails, and leaks nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScrapeSecurityTest {
  static final Pattern SERVED = Pattern.compile("metrics served on https://127\\.0\\.0\\.1:(\\d+)/metrics \\(auth on, TLS on\\)");
  static final String USER = "prometheus";
  static final String PASSWORD = "correct horse battery staple";

  private Path dir;
  private TestCertificates pki;
  private Demo demo;
  private int port;
  private SSLContext client;

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("weft-scrape-security");
    pki = TestCertificates.create(dir, TestCertificates.KeyForm.PKCS8);
    Path webConfig = Files.writeString(dir.resolve("web.yml"), webConfig(Htpasswd.bcrypt(USER, PASSWORD, 10)));
    demo = Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", "0").env("WEFT_PROMETHEUS_WEB_CONFIG_FILE", webConfig.toString()),
        "scrape-security");
    Matcher served = SERVED.matcher(demo.awaitAgentStarted());
    assertTrue(served.find(), "start-up line must say https, auth on, TLS on:\n" + demo.jvm().describeOutput());
    port = Integer.parseInt(served.group(1));
    client = pki.clientContext("client");
  }

  @AfterAll
  void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  /** Relative paths: they are relative to the file, as Prometheus reads them. */
  static String webConfig(String hash) {
    return "tls_server_config:\n"
        + "  cert_file: server.crt\n"
        + "  key_file: server.key\n"
        + "  client_auth_type: RequireAndVerifyClientCert\n"
        + "  client_ca_file: ca.crt\n"
        + "  min_version: TLS12\n"
        + "http_server_config:\n"
        + "  headers:\n"
        + "    Strict-Transport-Security: max-age=31536000\n"
        + "basic_auth_users:\n"
        + "  " + USER + ": " + hash + "\n";
  }

  @Test
  void theRightCertificateAndPasswordGetTheMetricsWithTheConfiguredHeader() throws IOException {
    TlsScrape.Result result = TlsScrape.get(client, port, "/metrics", TlsScrape.basic(USER, PASSWORD));
    assertEquals(200, result.status(), result.head());
    assertTrue(result.body().contains("target_info{"), result.body());
    assertTrue(result.head().contains("\r\nStrict-Transport-Security: max-age=31536000"), result.head());
    assertEquals("CN=server", result.serverCertificate().getSubjectX500Principal().getName());
  }

  @Test
  void noCredentialsIs401WithBasicChallengeAndAFixedBody() throws IOException {
    TlsScrape.Result result = TlsScrape.get(client, port, "/metrics", null);
    assertUnauthorized(result);
  }

  @Test
  void aWrongPasswordIs401() throws IOException {
    assertUnauthorized(TlsScrape.get(client, port, "/metrics", TlsScrape.basic(USER, "wrong")));
  }

  @Test
  void anUnknownUserIs401() throws IOException {
    assertUnauthorized(TlsScrape.get(client, port, "/metrics?name[]=%3Cscript%3E", TlsScrape.basic("mallory", PASSWORD)));
  }

  @Test
  void anUnknownUserTakesAsLongAsAWrongPassword() throws IOException {
    // Warm up the connection path, then alternate so that machine noise hits both alike.
    TlsScrape.get(client, port, "/metrics", TlsScrape.basic(USER, "warm-up"));
    List<Long> wrongPassword = new ArrayList<>();
    List<Long> unknownUser = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      wrongPassword.add(timed(TlsScrape.basic(USER, "wrong-" + i)));
      unknownUser.add(timed(TlsScrape.basic("nobody-" + i, "wrong-" + i)));
    }
    long wrong = median(wrongPassword);
    long unknown = median(unknownUser);
    long right = median(List.of(timed(TlsScrape.basic(USER, PASSWORD)), timed(TlsScrape.basic(USER, PASSWORD)),
        timed(TlsScrape.basic(USER, PASSWORD))));
    String numbers = "median ms: wrong password " + wrong + ", unknown user " + unknown + ", cached right password "
        + right + " (wrong " + wrongPassword + ", unknown " + unknownUser + ")";
    System.err.println("[smoke] " + numbers);
    // Both pay one bcrypt at cost 10 (tens of ms); a scrape with cached credentials does not.
    assertTrue(unknown * 2 >= wrong && wrong * 2 >= unknown, numbers);
    assertTrue(right < wrong, numbers);
  }

  @Test
  void failedLoginsAreLoggedAtMostOnceAMinuteWithACount() throws IOException {
    for (int i = 0; i < 3; i++) {
      TlsScrape.get(client, port, "/metrics", TlsScrape.basic(USER, "guess-" + i));
    }
    List<String> lines = demo.stderrContaining("failed login");
    assertEquals(1, lines.size(), demo.jvm().describeOutput());
    assertTrue(lines.get(0).startsWith("[weft] WARN "), lines.get(0));
    assertFalse(lines.get(0).contains("guess"), "the log line must not contain passwords: " + lines.get(0));
  }

  @Test
  void aClientWithoutCertificateIsRefusedInTheHandshake() {
    SSLContext noCertificate = pki.clientContext(null);
    assertThrows(IOException.class,
        () -> TlsScrape.get(noCertificate, port, "/metrics", TlsScrape.basic(USER, PASSWORD)));
  }

  @Test
  void aClientCertificateFromAnotherCaIsRefusedInTheHandshake() {
    SSLContext otherCa = pki.clientContext("other-client");
    assertThrows(IOException.class,
        () -> TlsScrape.get(otherCa, port, "/metrics", TlsScrape.basic(USER, PASSWORD)));
  }

  @Test
  void plainHttpGetsNoMetrics() throws IOException {
    TlsScrape.Result result;
    try {
      result = TlsScrape.get(null, port, "/metrics", TlsScrape.basic(USER, PASSWORD));
    } catch (IOException refused) {
      return; // closed without an answer: also fine
    }
    assertFalse(result.body().contains("target_info"), result.body());
    assertFalse(result.head().contains("target_info"), result.head());
  }

  @Test
  void aTls11ClientIsRefusedAndATls12ClientIsNot() throws Exception {
    // openssl, told to offer only TLS 1.1 (its own security level lowered so that it can), gets a
    // protocol_version alert from the server; the same command with TLS 1.2 completes the handshake.
    String tls11 = sClient("-tls1_1");
    assertTrue(tls11.contains("alert protocol version") || tls11.contains("unsupported protocol")
        || tls11.contains("no protocols available"), tls11);
    assertFalse(tls11.contains("Server certificate"), tls11);
    String tls12 = sClient("-tls1_2");
    assertTrue(tls12.contains("Protocol  : TLSv1.2") || tls12.contains("TLSv1.2"), tls12);
  }

  private String sClient(String version) throws Exception {
    Process process = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, version,
        "-cipher", "DEFAULT:@SECLEVEL=0", "-CAfile", pki.caCert().toString(),
        "-cert", pki.clientCert().toString(), "-key", pki.clientKey().toString())
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return output;
  }

  private long timed(String authorization) throws IOException {
    long start = System.nanoTime();
    TlsScrape.get(client, port, "/metrics", authorization);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static void assertUnauthorized(TlsScrape.Result result) {
    assertEquals(401, result.status(), result.head());
    assertTrue(result.head().contains("\r\nWWW-Authenticate: Basic\r\n"), result.head());
    assertEquals("Unauthorized\n", result.body());
    assertFalse(result.head().toLowerCase().contains("server:"), result.head());
    assertFalse(result.head().contains("script"), result.head());
  }
}
