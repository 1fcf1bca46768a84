package io.weft.bootstrap.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything that identifies a metric apart from its values: name, kind, unit, description and the
 * fixed, ordered list of attributes its data points may carry, each with the type of its values.
 *
 * <pre>{@code
 * new MetricDescriptor("http.server.request.duration", MetricKind.HISTOGRAM, "s",
 *     "Duration of HTTP server requests.",
 *     List.of(AttributeKey.string("http.request.method"), AttributeKey.longKey("http.response.status_code")));
 * }</pre>
 *
 * <p>Names follow the OpenTelemetry instrument-name syntax; units are UCUM strings ({@code s},
 * {@code By}, {@code {request}}) or empty.
 */
public record MetricDescriptor(
    String name, MetricKind kind, String unit, String description, List<AttributeKey> attributes) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-/]{0,254}");
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,254}");

  public MetricDescriptor {
    Objects.requireNonNull(kind, "kind");
    unit = unit == null ? "" : unit;
    description = description == null ? "" : description;
    attributes = List.copyOf(attributes == null ? List.of() : attributes);
    if (name == null || !NAME.matcher(name).matches()) {
      throw new RegistrationException(
          "invalid metric name '" + name + "': must match " + NAME.pattern());
    }
    if (attributes.size() > 64) {
      throw new RegistrationException(name + " has " + attributes.size() + " attribute keys; at most 64 are allowed");
    }
    var seen = new HashSet<String>();
    for (AttributeKey attribute : attributes) {
      String key = attribute.name();
      if (!ATTRIBUTE_KEY.matcher(key).matches()) {
        throw new RegistrationException(
            "invalid attribute key '" + key + "' on " + name + ": must match " + ATTRIBUTE_KEY.pattern());
      }
      if (!seen.add(key)) {
        throw new RegistrationException("duplicate attribute key '" + key + "' on " + name);
      }
    }
  }

  /** The attribute keys' names, in declaration order. */
  public List<String> attributeKeys() {
    return attributes.stream().map(AttributeKey::name).toList();
  }

  /** One line for error messages: {@code histogram http.x [s] {a, b} "description"}. */
  public String describe() {
    return kind.name().toLowerCase()
        + " "
        + name
        + " ["
        + unit
        + "] "
        + attributes
        + " \""
        + description
        + "\"";
  }
}
