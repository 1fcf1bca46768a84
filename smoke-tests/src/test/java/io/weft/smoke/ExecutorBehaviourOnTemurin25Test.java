package io.weft.smoke;

import io.weft.smoke.harness.Jdk;

/** {@link ExecutorBehaviourTest} on Temurin 25. */
class ExecutorBehaviourOnTemurin25Test extends ExecutorBehaviourTest {
  @Override
  Jdk jdk() {
    return Jdk.temurin25();
  }
}
