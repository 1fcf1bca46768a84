package io.weft.smoke.harness;

import java.time.Duration;

/** The deadlines the smoke tests wait against, and the pause between two looks. */
public final class Polling {
  /** From launch to "demo ready": generous, since the machine's two cores are shared. */
  public static final Duration START = Duration.ofSeconds(60);
  /** For something that should already be there or follow within moments. */
  public static final Duration SHORT = Duration.ofSeconds(20);

  private static final long PAUSE_MILLIS = 20;

  private Polling() {}

  /** Waits a moment between two looks at something that is polled against a deadline. */
  static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling", e);
    }
  }
}
