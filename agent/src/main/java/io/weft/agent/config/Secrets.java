package io.weft.agent.config;

import java.util.Locale;

/** Which settings hold secrets, judged by name, and how their values are shown. */
final class Secrets {
  static final String MASK = "****";

  private static final String[] MARKERS = {"password", "token", "secret", "key", "headers"};

  private Secrets() {}

  /** True when any part of the name (in any spelling: dotted, env or property) suggests a secret. */
  static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /** The value as it may be printed next to that name. */
  static String show(String name, String value) {
    return isSecret(name) ? MASK : printable(value);
  }

  /** Keeps a value on one short line: control characters escaped, long text cut. */
  static String printable(String value) {
    StringBuilder text = new StringBuilder(Math.min(value.length(), 200) + 8);
    for (int i = 0; i < value.length(); i++) {
      if (text.length() >= 200) {
        text.append("...");
        break;
      }
      char c = value.charAt(i);
      if (c == '\n') {
        text.append("\\n");
      } else if (c == '\r') {
        text.append("\\r");
      } else if (c == '\t') {
        text.append("\\t");
      } else if (Character.isISOControl(c)) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }
}
