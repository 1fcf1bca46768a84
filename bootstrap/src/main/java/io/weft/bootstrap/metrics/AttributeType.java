package io.weft.bootstrap.metrics;

/**
 * The type of an attribute's values, fixed per key when a metric is registered, as the semantic
 * conventions fix it ({@code http.response.status_code} is an int, {@code http.route} a string).
 * No convention Weft implements needs array values, so there are none yet.
 */
public enum AttributeType {
  STRING("string"),
  LONG("int"),
  BOOLEAN("boolean"),
  DOUBLE("double");

  private final String conventionName;

  AttributeType(String conventionName) {
    this.conventionName = conventionName;
  }

  /** The type as the semantic conventions write it: {@code string}, {@code int}, {@code boolean}, {@code double}. */
  public String conventionName() {
    return conventionName;
  }

  /** The value as a Prometheus label writes it: integers in decimal without a fraction. */
  public static String text(Object value) {
    return value instanceof Double d ? Double.toString(d) : String.valueOf(value);
  }
}
