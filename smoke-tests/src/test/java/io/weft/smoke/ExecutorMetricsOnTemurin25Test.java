package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link ExecutorMetricsTest} on Temurin 25. */
class ExecutorMetricsOnTemurin25Test extends ExecutorMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.temurin25();
  }
}
