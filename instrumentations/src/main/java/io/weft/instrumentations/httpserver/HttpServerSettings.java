package io.weft.instrumentations.httpserver;

import java.util.List;

/**
 * What the user configured for HTTP server metrics.
 *
 * @param routeTemplates route templates ({@code /users/{id}}) for requests no framework gives a
 *     template for, first match wins; see {@link RouteTemplate} for the syntax
 * @param bodySizes whether to record {@code http.server.request.body.size} and {@code
 *     http.server.response.body.size}
 */
public record HttpServerSettings(List<String> routeTemplates, boolean bodySizes) {

  /** No route templates, no body sizes. */
  public static final HttpServerSettings DEFAULTS = new HttpServerSettings(List.of(), false);

  public HttpServerSettings {
    routeTemplates = List.copyOf(routeTemplates);
  }
}
