package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link HttpClientMetricsTest} on Java 17. */
class HttpClientMetricsOnJava17Test extends HttpClientMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }
}
