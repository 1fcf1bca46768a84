package io.weft.agent.config;

import java.util.Locale;

/** One constant of a Java enum, written in lower case (any case is read). */
final class EnumType<E extends Enum<E>> implements ValueType<E> {
  private final Class<E> type;
  private final String accepted;

  EnumType(Class<E> type) {
    this.type = type;
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      if (names.length() > 0) {
        names.append('|');
      }
      names.append(format(constant));
    }
    this.accepted = names.toString();
  }

  @Override
  public E parse(String text) throws InvalidValueException {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw new InvalidValueException();
  }

  @Override
  public String accepted() {
    return accepted;
  }

  @Override
  public String format(E value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
