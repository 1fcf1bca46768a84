package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link HttpClientMetricsTest} on Temurin 25. */
class HttpClientMetricsOnTemurin25Test extends HttpClientMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.temurin25();
  }
}
