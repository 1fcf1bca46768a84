package io.weft.bootstrap.metrics;

/**
 * A metric definition that cannot be registered: an invalid name or attribute key, or a name already
 * registered with a different definition (the message shows both). Thrown at registration, never at
 * collection; the agent catches it, logs it and skips the metric.
 */
public final class RegistrationException extends IllegalArgumentException {
  public RegistrationException(String message) {
    super(message);
  }
}
