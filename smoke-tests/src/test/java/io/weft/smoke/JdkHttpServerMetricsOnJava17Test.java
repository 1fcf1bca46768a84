package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link JdkHttpServerMetricsTest} on Java 17. */
class JdkHttpServerMetricsOnJava17Test extends JdkHttpServerMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }
}
