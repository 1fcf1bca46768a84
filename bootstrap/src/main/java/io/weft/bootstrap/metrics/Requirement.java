package io.weft.bootstrap.metrics;

/**
 * How the semantic conventions require an attribute (their "requirement level"). It decides nothing
 * at run time; it is part of a metric's definition so that the documentation is checked against it.
 */
public enum Requirement {
  /** Always present. */
  REQUIRED("required"),
  /** Present when its condition holds (for example {@code error.type} when the operation failed). */
  CONDITIONALLY_REQUIRED("conditionally required"),
  /** Present when known. */
  RECOMMENDED("recommended"),
  /** Off in the conventions unless asked for; Weft documents why it records one. */
  OPT_IN("opt-in");

  private final String conventionName;

  Requirement(String conventionName) {
    this.conventionName = conventionName;
  }

  public String conventionName() {
    return conventionName;
  }
}
