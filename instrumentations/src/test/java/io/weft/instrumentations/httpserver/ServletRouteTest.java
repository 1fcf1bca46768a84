package io.weft.instrumentations.httpserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which template a servlet request's {@code http.route} is, in the documented order. */
class ServletRouteTest {

  private static final RouteTemplates USERS = RouteTemplates.compile(List.of("/app/users/{id}", "/app/blog/{slug}"));

  private static String route(MappingMatch match, String pattern, String uri, Object springPattern,
      RouteTemplates templates) throws Throwable {
    Map<String, Object> answers = new HashMap<>();
    answers.put("getContextPath", "/app");
    answers.put("getRequestURI", uri);
    if (match != null) {
      answers.put("getHttpServletMapping", Fakes.of(HttpServletMapping.class,
          Map.of("getPattern", pattern, "getMappingMatch", match)));
    }
    Map<String, Object> withAttributes = Fakes.withAttributes(answers);
    HttpServletRequest request = Fakes.of(HttpServletRequest.class, withAttributes);
    if (springPattern != null) {
      request.setAttribute(ServletRoute.SPRING_PATTERN, springPattern);
    }
    return ServletRoute.of(ServletApi.of(request), request, templates);
  }

  @Test
  void exactMappingIsTheRouteBehindTheContextPath() throws Throwable {
    assertEquals("/app/hello", route(MappingMatch.EXACT, "/hello", "/app/hello", null, USERS));
  }

  @Test
  void exactMappingIsNotOverriddenByAUserTemplate() throws Throwable {
    assertEquals("/app/users/7", route(MappingMatch.EXACT, "/users/7", "/app/users/7", null, USERS));
  }

  @Test
  void contextRoot() throws Throwable {
    assertEquals("/app/", route(MappingMatch.CONTEXT_ROOT, "", "/app/", null, USERS));
  }

  @Test
  void wildcardMappingsAreRoutesWhenNoUserTemplateMatches() throws Throwable {
    assertEquals("/app/users/*", route(MappingMatch.PATH, "/users/*", "/app/users/7/orders", null, USERS));
    assertEquals("/app/*.do", route(MappingMatch.EXTENSION, "*.do", "/app/x/y.do", null, USERS));
    assertEquals("/app/*", route(MappingMatch.DEFAULT, "/", "/app/nothing/here", null, USERS));
  }

  @Test
  void aUserTemplateRefinesAWildcardMapping() throws Throwable {
    assertEquals("/app/users/{id}", route(MappingMatch.PATH, "/users/*", "/app/users/7", null, USERS));
    assertEquals("/app/blog/{slug}", route(MappingMatch.DEFAULT, "/", "/app/blog/hello-world", null, USERS));
    assertEquals("/app/blog/{slug}", route(null, null, "/app/blog/hello-world", null, USERS));
  }

  @Test
  void springsBestMatchingPatternWinsBehindTheServletPrefix() throws Throwable {
    assertEquals("/app/api/items/{id}", route(MappingMatch.PATH, "/api/*", "/app/api/items/3", "/items/{id}", USERS));
    assertEquals("/app/users/{userId}", route(MappingMatch.DEFAULT, "/", "/app/users/3", "/users/{userId}", USERS));
  }

  @Test
  void noTemplateKnownIsNoRoute() throws Throwable {
    assertNull(route(null, null, "/app/whatever/1", null, USERS));
    assertNull(route(null, null, "/app/users/1", null, RouteTemplates.NONE));
  }

  @Test
  void beforeServlet4OnlyAPrefixMappingIsRecognised() throws Throwable {
    Map<String, Object> answers = new HashMap<>();
    answers.put("getContextPath", "/app");
    answers.put("getServletPath", "/users");
    answers.put("getPathInfo", "/7");
    answers.put("getRequestURI", "/app/users/7");
    javax.servlet.http.HttpServletRequest prefix =
        Fakes.of(javax.servlet.http.HttpServletRequest.class, Fakes.withAttributes(answers));
    assertEquals("/app/users/*", ServletRoute.of(ServletApi.of(prefix), prefix, RouteTemplates.NONE));
    assertEquals("/app/users/{id}", ServletRoute.of(ServletApi.of(prefix), prefix, USERS));

    // Exact, extension and default mappings look alike: servlet path set, no path info.
    answers.put("getServletPath", "/users/7");
    answers.put("getPathInfo", null);
    javax.servlet.http.HttpServletRequest other =
        Fakes.of(javax.servlet.http.HttpServletRequest.class, Fakes.withAttributes(answers));
    assertNull(ServletRoute.of(ServletApi.of(other), other, RouteTemplates.NONE));

    answers.put("getServletPath", "/api");
    answers.put("getPathInfo", "/items/3");
    javax.servlet.http.HttpServletRequest spring =
        Fakes.of(javax.servlet.http.HttpServletRequest.class, Fakes.withAttributes(answers));
    spring.setAttribute(ServletRoute.SPRING_PATTERN, "/items/{id}");
    assertEquals("/app/api/items/{id}", ServletRoute.of(ServletApi.of(spring), spring, RouteTemplates.NONE));
  }

  @Test
  void theServletApiIsReadFromTheInterfaceTheRequestImplements() {
    HttpServletRequest jakarta = Fakes.of(HttpServletRequest.class, Map.of());
    javax.servlet.http.HttpServletRequest javax = Fakes.of(javax.servlet.http.HttpServletRequest.class, Map.of());
    assertEquals("jakarta.servlet", ServletApi.of(jakarta).namespace);
    assertEquals("javax.servlet", ServletApi.of(javax).namespace);
    assertEquals(false, ServletApi.of(javax).hasMapping(), "Servlet 3.1 has no HttpServletMapping");
    assertNull(ServletApi.of(new Object()));
    assertNull(ServletApi.of(null));
  }
}
