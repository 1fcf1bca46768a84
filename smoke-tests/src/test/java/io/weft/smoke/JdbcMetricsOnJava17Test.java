package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link JdbcMetricsTest} on Java 17. */
class JdbcMetricsOnJava17Test extends JdbcMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }
}
