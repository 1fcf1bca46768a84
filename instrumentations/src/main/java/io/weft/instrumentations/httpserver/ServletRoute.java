package io.weft.instrumentations.httpserver;

/**
 * The {@code http.route} of a servlet request: a template, never the raw path. In order:
 *
 * <ol>
 *   <li>Spring MVC's best-matching pattern ({@code /users/{id}}), when the request carries it,
 *       behind the context path and the servlet's path prefix;
 *   <li>an exact servlet mapping ({@code /hello}) or the context root;
 *   <li>the first of the user's templates that matches the request URI (context path included);
 *   <li>a wildcard servlet mapping: {@code /api/*}, {@code /*.jsp}, or {@code /*} for the default
 *       servlet; before Servlet 4.0, only a prefix mapping is recognisable ({@code servletPath/*}
 *       when there is a path info), as exact, extension and default mappings look alike there;
 *   <li>else none (the empty string).
 * </ol>
 *
 * A wildcard mapping is only the prefix a front controller is mounted at, which is why a user's
 * template may refine it; a framework's full template is never overridden. Every route starts with
 * the context path, so two applications in one container stay apart.
 *
 * <p>Cost: four to six method-handle reads; allocates only to join a non-empty context path (or an
 * extension pattern) to the pattern.
 */
final class ServletRoute {

  /** The request attribute where Spring MVC puts the pattern that matched (HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE). */
  static final String SPRING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private ServletRoute() {}

  static String of(ServletApi api, Object request, RouteTemplates templates) throws Throwable {
    String contextPath = api.contextPath(request);
    Object mapping = api.hasMapping() ? api.mapping(request) : null;
    String match = mapping == null ? null : api.mappingMatch(mapping);
    String pattern = mapping == null ? null : api.mappingPattern(mapping);

    Object spring = api.attribute(request, SPRING_PATTERN);
    if (spring instanceof String springPattern) {
      String prefix = "PATH".equals(match) ? pattern.substring(0, pattern.length() - 2)
          : mapping == null && api.pathInfo(request) != null ? api.servletPath(request)
          : "";
      return join(contextPath, prefix, springPattern);
    }
    if ("EXACT".equals(match)) {
      return join(contextPath, "", pattern);
    }
    if ("CONTEXT_ROOT".equals(match)) {
      return join(contextPath, "", "/");
    }
    if (!templates.isEmpty()) {
      String template = templates.match(api.requestUri(request));
      if (template != null) {
        return template;
      }
    }
    if (match == null) {
      if (mapping == null && !api.hasMapping() && api.pathInfo(request) != null) {
        return join(contextPath, api.servletPath(request), "/*");
      }
      return null;
    }
    return switch (match) {
      case "PATH" -> join(contextPath, "", pattern);
      case "EXTENSION" -> join(contextPath, "/", pattern);
      case "DEFAULT" -> join(contextPath, "", "/*");
      default -> null;
    };
  }

  /** The parts joined; allocation-free when all but one are empty. */
  private static String join(String contextPath, String prefix, String pattern) {
    if (contextPath == null || contextPath.isEmpty()) {
      return prefix.isEmpty() ? pattern : prefix + pattern;
    }
    return contextPath + prefix + pattern;
  }
}
