package io.weft.bootstrap.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything that identifies a metric apart from its values: name, kind, unit, description and the
 * fixed, ordered list of attribute keys its data points carry.
 *
 * <pre>{@code
 * new MetricDescriptor("http.server.request.duration", MetricKind.HISTOGRAM, "s",
 *     "Duration of HTTP server requests.", List.of("http.request.method", "http.route"));
 * }</pre>
 *
 * <p>Names follow the OpenTelemetry instrument-name syntax; units are UCUM strings ({@code s},
 * {@code By}, {@code {request}}) or empty.
 */
public record MetricDescriptor(
    String name, MetricKind kind, String unit, String description, List<String> attributeKeys) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-/]{0,254}");
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,254}");

  public MetricDescriptor {
    Objects.requireNonNull(kind, "kind");
    unit = unit == null ? "" : unit;
    description = description == null ? "" : description;
    attributeKeys = List.copyOf(attributeKeys == null ? List.of() : attributeKeys);
    if (name == null || !NAME.matcher(name).matches()) {
      throw new RegistrationException(
          "invalid metric name '" + name + "': must match " + NAME.pattern());
    }
    var seen = new HashSet<String>();
    for (String key : attributeKeys) {
      if (!ATTRIBUTE_KEY.matcher(key).matches()) {
        throw new RegistrationException(
            "invalid attribute key '" + key + "' on " + name + ": must match " + ATTRIBUTE_KEY.pattern());
      }
      if (!seen.add(key)) {
        throw new RegistrationException("duplicate attribute key '" + key + "' on " + name);
      }
    }
  }

  /** One line for error messages: {@code histogram http.x [s] {a, b} "description"}. */
  public String describe() {
    return kind.name().toLowerCase()
        + " "
        + name
        + " ["
        + unit
        + "] "
        + attributeKeys
        + " \""
        + description
        + "\"";
  }
}
