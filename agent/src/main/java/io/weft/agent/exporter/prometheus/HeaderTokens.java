package io.weft.agent.exporter.prometheus;

import java.util.List;

/**
 * Reads list-valued request headers such as {@code Accept} and {@code Accept-Encoding}:
 * comma-separated elements, each a token with optional {@code ;name=value} parameters, of which
 * {@code q=0} means "not acceptable".
 *
 * <pre>{@code
 * HeaderTokens.accepts(List.of("gzip;q=1.0, identity"), "gzip")                       // true
 * HeaderTokens.accepts(List.of("application/openmetrics-text;version=1.0.0;q=0.5,"
 *     + "text/plain;version=0.0.4;q=0.3"), "application/openmetrics-text")            // true
 * HeaderTokens.accepts(List.of("gzip;q=0"), "gzip")                                   // false
 * }</pre>
 *
 * <p>Wildcards are not expanded: the exporter only asks "was this named", and answers with its
 * default otherwise.
 */
final class HeaderTokens {

  private HeaderTokens() {}

  /** True if some element names {@code token} (case-insensitively) with a quality above zero. */
  static boolean accepts(List<String> headerValues, String token) {
    if (headerValues == null) {
      return false;
    }
    for (String value : headerValues) {
      for (String element : value.split(",")) {
        String[] parts = element.split(";");
        if (parts[0].trim().equalsIgnoreCase(token) && quality(parts) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The {@code q} parameter; 1 when absent or unreadable, as a client that sent junk still asked. */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
