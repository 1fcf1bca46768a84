package io.weft.agent.exporter.prometheus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hashes made by {@code htpasswd -nbBC 4 <user> <password>} (Apache's tool, not the library under test). */
class BasicAuthUsersTest {
  static final String PROMETHEUS_SECRET = "$2y$04$i41XRLQ0dktF4fCuPAlyxedurowRtTfpvkxQKDYoKTcwnppAzUEzq";
  static final String OTHER_PW = "$2y$04$nfwiVparKHyZO6jxtdjbcecib.X1bsgaiuIr/hWXh3RphuxS9Ohl.";

  private final BasicAuthUsers users = new BasicAuthUsers(Map.of("prometheus", PROMETHEUS_SECRET, "other", OTHER_PW), 4);

  @Test
  void theRightPasswordPassesAndEveryOtherCredentialFails() {
    assertTrue(users.check(header("prometheus:secret")));
    assertTrue(users.check(header("other:pw")));
    assertFalse(users.check(header("prometheus:pw")));
    assertFalse(users.check(header("prometheus:secret ")));
    assertFalse(users.check(header("nobody:secret")));
    assertFalse(users.check(header("other:secret")));
  }

  @Test
  void aCachedSuccessDoesNotLetADifferentPasswordIn() {
    assertTrue(users.check(header("prometheus:secret")));
    assertTrue(users.check(header("prometheus:secret")));
    assertFalse(users.check(header("prometheus:secret2")));
    assertFalse(users.check(header("prometheus:")));
  }

  @Test
  void malformedHeadersFail() {
    assertFalse(users.check(null));
    assertFalse(users.check(""));
    assertFalse(users.check("Bearer abc"));
    assertFalse(users.check("Basic !!!not-base64"));
    assertFalse(users.check("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))));
    assertTrue(users.check("basic " + Base64.getEncoder().encodeToString("prometheus:secret".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void costIsReadFromTheHashAndOtherTextIsNoHash() {
    assertEquals(4, BasicAuthUsers.cost(PROMETHEUS_SECRET));
    assertEquals(10, BasicAuthUsers.cost("$2a$10$" + PROMETHEUS_SECRET.substring(7)));
    assertEquals(-1, BasicAuthUsers.cost("secret"));
    assertEquals(-1, BasicAuthUsers.cost("$1$" + PROMETHEUS_SECRET.substring(3)));
    assertEquals(-1, BasicAuthUsers.cost("$2y$99$" + PROMETHEUS_SECRET.substring(7)));
  }

  static String header(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
