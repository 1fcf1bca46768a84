package io.weft.agent.config;

/** A decimal integer within a closed range. */
final class IntRangeType implements ValueType<Integer> {
  private final int min;
  private final int max;
  private final String accepted;

  IntRangeType(int min, int max) {
    this(min, max, "an integer from " + min + " to " + max);
  }

  private IntRangeType(int min, int max, String accepted) {
    this.min = min;
    this.max = max;
    this.accepted = accepted;
  }

  /** A TCP port; 0 asks the operating system for any free port. */
  static IntRangeType port() {
    return new IntRangeType(0, 65535, "a port from 0 to 65535; 0 = any free port");
  }

  @Override
  public Integer parse(String text) throws InvalidValueException {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidValueException();
    }
    if (value < min || value > max) {
      throw new InvalidValueException();
    }
    return (int) value;
  }

  @Override
  public String accepted() {
    return accepted;
  }
}
