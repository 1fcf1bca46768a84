package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link AttachedAgentTest} on Java 17. */
class AttachedOnJava17Test extends AttachedAgentTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }
}
