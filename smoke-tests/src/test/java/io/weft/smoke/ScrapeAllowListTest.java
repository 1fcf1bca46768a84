package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TlsScrape;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** WEFT_PROMETHEUS_ALLOW: an address outside the ranges gets 403 and nothing else; one inside is served. */
class ScrapeAllowListTest {
  private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/metrics");

  @Test
  void anAddressOutsideTheAllowListGets403() throws IOException {
    try (Demo demo = start("10.0.0.0/8, fd00::/8", "allow-outside")) {
      TlsScrape.Result result = TlsScrape.get(null, port(demo), "/metrics?name[]=%3Cb%3E", null);
      assertEquals(403, result.status(), result.head());
      assertEquals("Forbidden\n", result.body());
      assertEquals(403, TlsScrape.get(null, port(demo), "/-/healthy", null).status());
    }
  }

  @Test
  void anAddressInsideTheAllowListIsServed() throws IOException {
    try (Demo demo = start("192.168.0.0/16,127.0.0.1/32,::1/128", "allow-inside")) {
      TlsScrape.Result result = TlsScrape.get(null, port(demo), "/metrics", null);
      assertEquals(200, result.status(), result.head());
      assertTrue(result.body().contains("target_info{"));
    }
  }

  private static Demo start(String allow, String name) {
    return Demo.start(ForkedJvm.on(Jdk.java17()).javaagent(BuildArtifacts.agentJar())
        .env("WEFT_PROMETHEUS_PORT", "0").env("WEFT_PROMETHEUS_ALLOW", allow), name);
  }

  private static int port(Demo demo) {
    Matcher port = PORT.matcher(demo.awaitAgentStarted());
    assertTrue(port.find(), demo.jvm().describeOutput());
    return Integer.parseInt(port.group(1));
  }
}
