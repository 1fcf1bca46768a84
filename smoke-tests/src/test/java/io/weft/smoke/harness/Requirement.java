package io.weft.smoke.harness;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A missing prerequisite (promtool, a second JDK): on CI ({@code CI=true}) that is a failure, since
 * {@code .ci/run} installs everything; on a developer's machine the test is skipped with the reason.
 */
public final class Requirement {
  private Requirement() {}

  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Fails under CI, aborts (skips visibly) elsewhere. Never returns. */
  public static void unmet(String reason) {
    if (onCi()) {
      Assertions.fail(reason + " (CI=true: .ci/run must provide it)");
    }
    // Surefire reports aborted tests only as a count; say why in the build output too.
    System.err.println("[smoke] skipped: " + reason);
    Assumptions.abort(reason);
  }
}
