package io.weft.agent.exporter.prometheus.security;

/**
 * Security was asked for and cannot be set up as asked. The message is one line naming the file (or
 * setting) and the key; the endpoint then serves nothing rather than serving in plain text.
 */
public final class WebConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public WebConfigException(String message) {
    super(message);
  }

  public WebConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
