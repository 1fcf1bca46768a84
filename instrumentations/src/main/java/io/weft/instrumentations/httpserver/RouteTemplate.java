package io.weft.instrumentations.httpserver;

import java.util.ArrayList;
import java.util.List;

/**
 * One route template a user configured ({@code WEFT_HTTP_SERVER_ROUTES}), compiled once: a path of
 * {@code /}-separated segments, each literal text, a variable {@code {name}} that stands for exactly
 * one non-empty segment, or, as the last segment only, {@code *} for whatever non-empty rest follows.
 *
 * <pre>{@code
 * RouteTemplate users = RouteTemplate.compile("/users/{id}/orders");
 * users.matches("/users/42/orders");   // true
 * users.matches("/users/42");          // false
 * }</pre>
 *
 * <p>Matching walks the path once and allocates nothing.
 */
public final class RouteTemplate {

  /** A segment that matches any one non-empty segment. */
  private static final String VARIABLE = null;

  private final String text;
  /** Literal segments, or {@link #VARIABLE}. */
  private final String[] segments;
  private final boolean restWildcard;

  private RouteTemplate(String text, String[] segments, boolean restWildcard) {
    this.text = text;
    this.segments = segments;
    this.restWildcard = restWildcard;
  }

  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException with the reason, if the text is not a template
   */
  public static RouteTemplate compile(String text) {
    String reason = problem(text);
    if (reason != null) {
      throw new IllegalArgumentException("'" + text + "' " + reason);
    }
    List<String> segments = new ArrayList<>();
    boolean rest = false;
    for (String segment : text.substring(1).split("/", -1)) {
      if (segment.equals("*")) {
        rest = true;
      } else {
        segments.add(segment.startsWith("{") ? VARIABLE : segment);
      }
    }
    return new RouteTemplate(text, segments.toArray(new String[0]), rest);
  }

  /** Why the text is not a template, or null if it is one. */
  public static String problem(String text) {
    if (text.isEmpty() || text.charAt(0) != '/') {
      return "does not start with /";
    }
    if (text.equals("/")) {
      return null;
    }
    String[] segments = text.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.isEmpty()) {
        return "has an empty segment";
      }
      if (s.equals("*")) {
        if (i != segments.length - 1) {
          return "has * before its last segment";
        }
      } else if (s.startsWith("{")) {
        if (!s.endsWith("}") || s.length() < 3 || s.indexOf('{', 1) >= 0 || s.indexOf('}') != s.length() - 1) {
          return "has a malformed variable " + s + " (write {name} as a whole segment)";
        }
      } else if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0 || s.indexOf('*') >= 0) {
        return "mixes text and {, } or * in the segment " + s;
      }
      for (int j = 0; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c <= ' ' || c == '?' || c == '#') {
          return "holds a space, control character, ? or #";
        }
      }
    }
    return null;
  }

  /** The template as written; this is the {@code http.route} value. */
  public String text() {
    return text;
  }

  /**
   * Whether the path (no query string) matches: the same number of segments (or at least one more
   * than the literal part, with a trailing {@code *}), literal segments equal. Cost: one pass over
   * the path, no allocation.
   */
  public boolean matches(String path) {
    int length = path.length();
    if (length == 0 || path.charAt(0) != '/') {
      return false;
    }
    int at = 1;
    for (String literal : segments) {
      if (at > length) {
        return false;
      }
      int end = path.indexOf('/', at);
      if (end < 0) {
        end = length;
      }
      int segmentLength = end - at;
      if (literal == VARIABLE) {
        if (segmentLength == 0) {
          return false;
        }
      } else if (segmentLength != literal.length() || !path.regionMatches(at, literal, 0, segmentLength)) {
        return false;
      }
      at = end + 1;
    }
    if (restWildcard) {
      return at < length; // something after the literal part's slash
    }
    return at == length + 1; // consumed exactly: no trailing slash or further segment
  }

  @Override
  public String toString() {
    return text;
  }
}
