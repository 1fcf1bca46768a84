package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link ExecutorBehaviourTest} on Java 17. */
class ExecutorBehaviourOnJava17Test extends ExecutorBehaviourTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }
}
