package io.weft.agent.config;

/** Any text; surrounding white space is already trimmed. Only the wording of what is accepted differs. */
final class TextType implements ValueType<String> {
  static final TextType INSTANCE = new TextType("any text");
  static final TextType FILE_PATH = new TextType("a file path");
  static final TextType HOST = new TextType("a host name or IP address");

  private final String accepted;

  private TextType(String accepted) {
    this.accepted = accepted;
  }

  @Override
  public String parse(String text) {
    return text;
  }

  @Override
  public String accepted() {
    return accepted;
  }
}
