package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link ExecutorMetricsTest} on Java 17. */
class ExecutorMetricsOnJava17Test extends ExecutorMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }
}
