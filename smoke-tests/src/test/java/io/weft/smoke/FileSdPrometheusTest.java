package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Htpasswd;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.SecuredPrometheus;
import io.weft.smoke.harness.TestCertificates;
import io.weft.smoke.harness.TlsScrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many JVMs on ephemeral ports found by a real Prometheus through file-based service discovery, over
 * TLS with client certificates and basic auth; Prometheus itself runs with the same web configuration
 * file, which shows that it is the same format with the same meaning.
 */
class FileSdPrometheusTest {
  private static final Pattern HTTPS_PORT = Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)/metrics \\(auth on, TLS on\\)");
  private static final Duration WITHIN = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void prometheusScrapesTwoJvmsOnPortZeroAndForgetsTheOneThatExits() throws Exception {
    TestCertificates pki = TestCertificates.create(dir, TestCertificates.KeyForm.PKCS8);
    String password = "file-sd secret";
    Path webConfig = Files.writeString(dir.resolve("web.yml"),
        ScrapeSecurityTest.webConfig(Htpasswd.bcrypt(ScrapeSecurityTest.USER, password, 10)));
    Path sd = dir.resolve("sd");
    String scrapeConfig = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
        + "scrape_configs:\n"
        + "  - job_name: weft-file-sd\n"
        + "    scheme: https\n"
        + "    basic_auth:\n      username: " + ScrapeSecurityTest.USER + "\n      password: '" + password + "'\n"
        + "    tls_config:\n      ca_file: ca.crt\n      cert_file: client.crt\n      key_file: client.key\n"
        + "    file_sd_configs:\n      - files: ['sd/*.json']\n        refresh_interval: 1s\n";

    try (Demo first = start(webConfig, sd, "file-sd-first");
        Demo second = start(webConfig, sd, "file-sd-second");
        SecuredPrometheus prometheus = SecuredPrometheus.start(scrapeConfig, webConfig, dir, pki.clientContext("client"),
            TlsScrape.basic(ScrapeSecurityTest.USER, password))) {
      int firstPort = port(first);
      int secondPort = port(second);

      // Prometheus' own server read the same file: without credentials or certificate it refuses too.
      assertEquals(401, TlsScrape.get(pki.clientContext("client"), prometheus.port(), "/api/v1/targets", null).status());
      assertThrows(IOException.class, () -> TlsScrape.get(pki.clientContext(null), prometheus.port(), "/-/ready", null));

      List<Path> files = jsonFiles(sd);
      assertEquals(2, files.size(), files.toString());
      String firstFile = Files.readString(sd.resolve(files.stream()
          .filter(file -> readQuietly(file).contains(":" + firstPort + "\"")).findFirst().orElseThrow().getFileName()));
      assertTrue(firstFile.contains("\"__scheme__\":\"https\""), firstFile);
      assertTrue(firstFile.contains("\"job\":\"checkout\""), firstFile);
      assertTrue(firstFile.contains("\"service_name\":\"checkout\""), firstFile);
      assertTrue(firstFile.contains("\"service_instance_id\":\""), firstFile);

      String targets = await(prometheus, body -> isUp(body, firstPort) && isUp(body, secondPort),
          "both targets up");
      assertTrue(targets.contains("\"scrapeUrl\":\"https://127.0.0.1:" + firstPort + "/metrics\""), targets);
      String query = prometheus.query("up{job=\"checkout\",service_name=\"checkout\"} == 1");
      assertTrue(query.contains("127.0.0.1:" + firstPort) && query.contains("127.0.0.1:" + secondPort), query);

      first.jvm().stop(); // SIGTERM: the JVM's normal shutdown, hooks included
      assertEquals(1, jsonFiles(sd).size(), "the exited JVM's file must be gone: " + jsonFiles(sd));
      await(prometheus, body -> !body.contains("127.0.0.1:" + firstPort) && isUp(body, secondPort),
          "the exited target gone, the other still up");
    }
  }

  private static Demo start(Path webConfig, Path sd, String name) {
    return Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_SERVICE_NAME", "checkout")
        .env("WEFT_PROMETHEUS_PORT", "0")
        .env("WEFT_PROMETHEUS_WEB_CONFIG_FILE", webConfig.toString())
        .env("WEFT_PROMETHEUS_FILE_SD_DIR", sd.toString()), name);
  }

  private static int port(Demo demo) {
    Matcher matcher = HTTPS_PORT.matcher(demo.awaitAgentStarted());
    assertTrue(matcher.find(), demo.jvm().describeOutput());
    return Integer.parseInt(matcher.group(1));
  }

  /** A target's entry in /api/v1/targets has its scrape URL and, after a good scrape, health "up". */
  private static boolean isUp(String targets, int port) {
    Matcher entry = Pattern.compile("\"scrapeUrl\":\"https://127\\.0\\.0\\.1:" + port + "/metrics\"[^}]*?\"health\":\"up\"")
        .matcher(targets);
    return entry.find();
  }

  private static String await(SecuredPrometheus prometheus, Predicate<String> done, String what) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = prometheus.api("/api/v1/targets?state=active").body();
      if (done.test(body)) {
        return body;
      }
      Thread.sleep(500);
    }
    return fail("not " + what + " within " + WITHIN + ":\n" + body + "\n" + prometheus.log());
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
