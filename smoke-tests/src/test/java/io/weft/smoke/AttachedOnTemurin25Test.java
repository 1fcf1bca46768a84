package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link AttachedAgentTest} on Temurin 25. */
class AttachedOnTemurin25Test extends AttachedAgentTest {
  @Override
  Jdk jdk() {
    return Jdk.temurin25();
  }
}
