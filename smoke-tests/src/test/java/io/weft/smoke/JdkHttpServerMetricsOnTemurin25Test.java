package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link JdkHttpServerMetricsTest} on Temurin 25. */
class JdkHttpServerMetricsOnTemurin25Test extends JdkHttpServerMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.temurin25();
  }
}
