package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link JdbcMetricsTest} on Temurin 25. */
class JdbcMetricsOnTemurin25Test extends JdbcMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.temurin25();
  }
}
