package io.weft.instrumentations.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** User route templates: what a template matches, and that the first match in configured order wins. */
class RouteTemplatesTest {

  @Test
  void variableMatchesExactlyOneNonEmptySegment() {
    RouteTemplate t = RouteTemplate.compile("/users/{id}");
    assertTrue(t.matches("/users/42"));
    assertTrue(t.matches("/users/%E2%82%AC"));
    assertFalse(t.matches("/users/"));
    assertFalse(t.matches("/users"));
    assertFalse(t.matches("/users/42/"));
    assertFalse(t.matches("/users/42/orders"));
    assertFalse(t.matches("/user/42"));
    assertFalse(t.matches("/usersx/42"));
    assertFalse(t.matches("users/42"));
    assertFalse(t.matches(""));
  }

  @Test
  void literalSegmentsMustBeEqual() {
    RouteTemplate t = RouteTemplate.compile("/users/{id}/orders/{order}");
    assertTrue(t.matches("/users/1/orders/2"));
    assertFalse(t.matches("/users/1/order/2"));
    assertFalse(t.matches("/users/1/orders"));
    assertFalse(t.matches("/users/1/ordersx/2"));
  }

  @Test
  void trailingStarMatchesAnyNonEmptyRest() {
    RouteTemplate t = RouteTemplate.compile("/static/*");
    assertTrue(t.matches("/static/a.css"));
    assertTrue(t.matches("/static/img/logo.png"));
    assertFalse(t.matches("/static/"));
    assertFalse(t.matches("/static"));
    assertFalse(t.matches("/staticx/a"));
  }

  @Test
  void rootMatchesOnlyTheRoot() {
    RouteTemplate t = RouteTemplate.compile("/");
    assertTrue(t.matches("/"));
    assertFalse(t.matches("/a"));
    assertFalse(t.matches("//"));
  }

  @Test
  void firstMatchingTemplateInConfiguredOrderWins() {
    RouteTemplates routes = RouteTemplates.compile(List.of("/users/me", "/users/{id}", "/{any}/{id}"));
    assertEquals("/users/me", routes.match("/users/me"));
    assertEquals("/users/{id}", routes.match("/users/7"));
    assertEquals("/{any}/{id}", routes.match("/orders/7"));
    assertNull(routes.match("/orders/7/items"));
    assertNull(routes.match(null));
    assertNull(RouteTemplates.NONE.match("/users/7"));
    assertTrue(RouteTemplates.compile(List.of()).isEmpty());
  }

  @Test
  void malformedTemplatesAreRejectedWithTheReason() {
    assertEquals("'users/{id}' does not start with /",
        assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("users/{id}")).getMessage());
    assertEquals("'/users//x' has an empty segment",
        assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("/users//x")).getMessage());
    assertEquals("'/a/*/b' has * before its last segment",
        assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("/a/*/b")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("/users/{id"));
    assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("/users/{}"));
    assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("/users/x{id}"));
    assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("/users/{id}?q"));
    assertThrows(IllegalArgumentException.class, () -> RouteTemplate.compile("/users/a b"));
  }
}
