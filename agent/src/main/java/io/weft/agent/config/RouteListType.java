package io.weft.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * HTTP route templates separated by commas, e.g. {@code /users/{id},/orders/{id}/items,/static/*}:
 * each starts with {@code /}; its segments are literal text, a variable {@code {name}} (one
 * segment), or, last only, {@code *} (the rest of the path). Order is kept: the first template that
 * matches a request names its route.
 */
final class RouteListType implements ValueType<List<String>> {
  static final RouteListType INSTANCE = new RouteListType();

  private RouteListType() {}

  @Override
  public List<String> parse(String text) throws InvalidValueException {
    List<String> routes = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String route = part.trim();
      if (route.isEmpty()) {
        throw new InvalidValueException("empty entry in the list");
      }
      String problem = problem(route);
      if (problem != null) {
        throw new InvalidValueException("'" + route + "' " + problem);
      }
      if (!routes.contains(route)) {
        routes.add(route);
      }
    }
    return List.copyOf(routes);
  }

  /** Why the text is not a template, or null. */
  private static String problem(String route) {
    if (route.charAt(0) != '/') {
      return "does not start with /";
    }
    if (route.length() == 1) {
      return null;
    }
    String[] segments = route.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean variable = segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
      String text = variable ? segment.substring(1, segment.length() - 1) : segment;
      if (segment.isEmpty()) {
        return "has an empty segment";
      } else if (segment.equals("*") && i < segments.length - 1) {
        return "has * before its last segment";
      } else if (!segment.equals("*") && (text.contains("{") || text.contains("}") || text.contains("*"))) {
        return "has a malformed segment " + segment + " (a variable is a whole segment {name})";
      } else if (text.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#')) {
        return "holds a space, control character, ? or #";
      }
    }
    return null;
  }

  @Override
  public String accepted() {
    return "comma-separated path templates such as /users/{id} or /static/*";
  }

  @Override
  public String format(List<String> value) {
    return String.join(",", value);
  }
}
