package io.weft.instrumentations.httpserver;

import java.util.ArrayList;
import java.util.List;

/**
 * The route templates a user configured, in the order configured: the first that matches a path
 * names its route. Used only where the server or framework gives no template of its own.
 *
 * <pre>{@code
 * RouteTemplates routes = RouteTemplates.compile(List.of("/users/me", "/users/{id}"));
 * routes.match("/users/42");   // "/users/{id}"
 * routes.match("/orders/1");   // null
 * }</pre>
 */
public final class RouteTemplates {

  /** No templates: {@link #match} always returns null, at the cost of one array-length check. */
  public static final RouteTemplates NONE = new RouteTemplates(new RouteTemplate[0]);

  private final RouteTemplate[] templates;

  private RouteTemplates(RouteTemplate[] templates) {
    this.templates = templates;
  }

  /**
   * Compiles the templates (each checked by {@link RouteTemplate#compile}).
   *
   * @throws IllegalArgumentException if one is not a template
   */
  public static RouteTemplates compile(List<String> texts) {
    List<RouteTemplate> compiled = new ArrayList<>(texts.size());
    for (String text : texts) {
      compiled.add(RouteTemplate.compile(text));
    }
    return compiled.isEmpty() ? NONE : new RouteTemplates(compiled.toArray(new RouteTemplate[0]));
  }

  public boolean isEmpty() {
    return templates.length == 0;
  }

  /**
   * The first template the path matches, or null. Cost: at most one pass over the path per
   * template; allocates nothing.
   */
  public String match(String path) {
    if (path == null) {
      return null;
    }
    for (RouteTemplate t : templates) {
      if (t.matches(path)) {
        return t.text();
      }
    }
    return null;
  }
}
