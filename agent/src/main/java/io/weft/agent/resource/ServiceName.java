package io.weft.agent.resource;

/**
 * Derives a service name from the command that started the JVM ({@code sun.java.command}) when none
 * is configured: the jar's file name without {@code .jar} for {@code java -jar orders-1.2.jar}, the
 * main class for {@code java com.example.Orders} or {@code java -m orders/com.example.Orders}.
 */
public final class ServiceName {
  /** The OpenTelemetry default when nothing better is known. */
  public static final String UNKNOWN = "unknown_service:java";

  private ServiceName() {}

  /** The derived name, or {@link #UNKNOWN} when the command is missing or says nothing usable. */
  public static String fromJavaCommand(String javaCommand) {
    if (javaCommand == null || javaCommand.isBlank()) {
      return UNKNOWN;
    }
    String command = javaCommand.trim();
    String jar = jarPath(command);
    if (jar != null) {
      String file = jar.substring(Math.max(jar.lastIndexOf('/'), jar.lastIndexOf('\\')) + 1);
      String name = file.substring(0, file.length() - ".jar".length());
      return name.isEmpty() ? UNKNOWN : name;
    }
    String first = firstToken(command);
    String mainClass = first.substring(first.indexOf('/') + 1); // module/class -> class
    return isClassName(mainClass) ? mainClass : UNKNOWN;
  }

  /**
   * The jar path when the command starts with one. The command is the launch arguments joined by
   * spaces, so a path with spaces is taken up to the first {@code .jar} followed by a space or the end.
   */
  private static String jarPath(String command) {
    String first = firstToken(command);
    if (endsWithJar(first)) {
      return first;
    }
    if (first.indexOf('/') >= 0 || first.indexOf('\\') >= 0) {
      String lower = command.toLowerCase(java.util.Locale.ROOT);
      int at = lower.indexOf(".jar");
      while (at >= 0) {
        int end = at + ".jar".length();
        if (end == command.length() || Character.isWhitespace(command.charAt(end))) {
          return command.substring(0, end);
        }
        at = lower.indexOf(".jar", end);
      }
    }
    return null;
  }

  private static boolean endsWithJar(String token) {
    return token.regionMatches(true, token.length() - ".jar".length(), ".jar", 0, ".jar".length());
  }

  private static String firstToken(String command) {
    for (int i = 0; i < command.length(); i++) {
      if (Character.isWhitespace(command.charAt(i))) {
        return command.substring(0, i);
      }
    }
    return command;
  }

  /** A dotted Java name such as {@code com.example.Orders} (nested classes with {@code $} too). */
  private static boolean isClassName(String text) {
    if (text.isEmpty()) {
      return false;
    }
    boolean partStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (partStart) {
          return false;
        }
        partStart = true;
      } else if (partStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
        partStart = false;
      } else {
        return false;
      }
    }
    return !partStart;
  }
}
