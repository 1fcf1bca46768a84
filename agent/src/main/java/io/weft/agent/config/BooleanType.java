package io.weft.agent.config;

/** {@code true} or {@code false}, in any case. Anything else is invalid, so typos are reported. */
final class BooleanType implements ValueType<Boolean> {
  static final BooleanType INSTANCE = new BooleanType();

  private BooleanType() {}

  @Override
  public Boolean parse(String text) throws InvalidValueException {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new InvalidValueException();
  }

  @Override
  public String accepted() {
    return "true|false";
  }
}
