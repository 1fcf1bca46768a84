package io.weft.agent.config;

/** Any text; surrounding white space is already trimmed. */
final class TextType implements ValueType<String> {
  static final TextType INSTANCE = new TextType();

  private TextType() {}

  @Override
  public String parse(String text) {
    return text;
  }

  @Override
  public String accepted() {
    return "any text";
  }
}
