package io.weft.agent.exporter.prometheus;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code name[]} query parameters of a scrape: which metric families to answer with.
 *
 * <pre>{@code
 * NameFilter f = NameFilter.parse("name[]=weft_scrape_requests_total&name[]=jvm_memory_used_bytes");
 * f.matches(family)   // true for those two families
 * }</pre>
 *
 * <p>A family matches if a requested name equals its name in the Prometheus text format
 * ({@code weft_scrape_requests_total}, {@code target_info}) or its base name, which is the
 * OpenMetrics family name ({@code weft_scrape_requests}, {@code target}); this is also what
 * client_java does. No {@code name[]} means every family. Other parameters are ignored.
 */
final class NameFilter {

  static final NameFilter ALL = new NameFilter(null);

  private static final String PARAMETER = "name[]";

  /** Requested names, or null for all. */
  private final Set<String> names;

  private NameFilter(Set<String> names) {
    this.names = names;
  }

  /**
   * Parses a raw (still percent-encoded) query string; null or empty means all families.
   *
   * @throws IllegalArgumentException if the query is not valid percent-encoding
   */
  static NameFilter parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return ALL;
    }
    Set<String> names = null;
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (eq < 0 || !key.equals(PARAMETER)) {
        continue;
      }
      String value = decode(pair.substring(eq + 1));
      if (!value.isEmpty()) {
        if (names == null) {
          names = new HashSet<>();
        }
        names.add(value);
      }
    }
    return names == null ? ALL : new NameFilter(names);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  boolean matches(PrometheusNames.Family family) {
    return names == null || names.contains(family.exposedName()) || names.contains(family.baseName());
  }
}
