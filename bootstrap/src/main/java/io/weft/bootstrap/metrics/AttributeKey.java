package io.weft.bootstrap.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One attribute of a metric: its key, the type of its values and its requirement level.
 *
 * <pre>{@code
 * AttributeKey.longKey("http.response.status_code").conditionallyRequired()
 * AttributeKey.string("jvm.memory.pool.name").recommended()
 * }</pre>
 */
public record AttributeKey(String name, AttributeType type, Requirement requirement) {

  public AttributeKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(requirement, "requirement");
  }

  /** A required string attribute. */
  public static AttributeKey string(String name) {
    return new AttributeKey(name, AttributeType.STRING, Requirement.REQUIRED);
  }

  /** A required integer attribute. */
  public static AttributeKey longKey(String name) {
    return new AttributeKey(name, AttributeType.LONG, Requirement.REQUIRED);
  }

  /** A required boolean attribute. */
  public static AttributeKey booleanKey(String name) {
    return new AttributeKey(name, AttributeType.BOOLEAN, Requirement.REQUIRED);
  }

  /** A required floating-point attribute. */
  public static AttributeKey doubleKey(String name) {
    return new AttributeKey(name, AttributeType.DOUBLE, Requirement.REQUIRED);
  }

  /** Required string attributes with these names, in this order. */
  public static List<AttributeKey> strings(String... names) {
    List<AttributeKey> keys = new ArrayList<>(names.length);
    for (String name : names) {
      keys.add(string(name));
    }
    return List.copyOf(keys);
  }

  public AttributeKey conditionallyRequired() {
    return new AttributeKey(name, type, Requirement.CONDITIONALLY_REQUIRED);
  }

  public AttributeKey recommended() {
    return new AttributeKey(name, type, Requirement.RECOMMENDED);
  }

  public AttributeKey optIn() {
    return new AttributeKey(name, type, Requirement.OPT_IN);
  }

  /** {@code name (type, requirement)}, as docs/metrics.md lists it. */
  @Override
  public String toString() {
    return name + " (" + type.conventionName() + ", " + requirement.conventionName() + ")";
  }
}
