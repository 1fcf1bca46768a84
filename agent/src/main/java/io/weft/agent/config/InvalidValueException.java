package io.weft.agent.config;

/**
 * Thrown by {@link ValueType#parse} when text is not accepted. Carries an optional reason beyond
 * "not accepted"; no stack trace, since it is an expected outcome that only becomes a log line.
 */
public final class InvalidValueException extends Exception {
  private static final long serialVersionUID = 1L;

  /** No reason beyond the accepted values. */
  public InvalidValueException() {
    super(null, null, false, false);
  }

  /** A reason that the accepted values alone do not explain, e.g. a malformed entry in a list. */
  public InvalidValueException(String reason) {
    super(reason, null, false, false);
  }

  /** The reason, or null when the accepted values say it all. */
  public String reason() {
    return getMessage();
  }
}
