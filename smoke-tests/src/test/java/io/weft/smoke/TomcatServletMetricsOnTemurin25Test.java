package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link ServletContainerMetricsTest} on embedded Tomcat 11 (jakarta), Temurin 25. */
class TomcatServletMetricsOnTemurin25Test extends TomcatServletMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.temurin25();
  }
}
