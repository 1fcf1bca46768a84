package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.context.CallDepth;

/**
 * One nesting guard for every HTTP client: a client built on another (a wrapper around Apache's
 * client, {@code send} calling {@code sendAsync}, {@code getInputStream} calling {@code connect}) or
 * calling itself is measured once, at the outermost call on the thread. Calls on the agent's own
 * threads are never measured. Every {@link #enter()} must be matched by one {@link #exit()} on the
 * same thread.
 *
 * <p>Cost: a thread type check and one {@code ThreadLocal} read.
 */
final class OutermostCall {

  private static final CallDepth DEPTH = new CallDepth();

  private OutermostCall() {}

  /** Enters a client call; true if it is the outermost one and should be measured. */
  static boolean enter() {
    return !AgentThread.isCurrent() && DEPTH.enter() == 0;
  }

  /** Leaves a client call; true if the outermost one just ended. */
  static boolean exit() {
    return !AgentThread.isCurrent() && DEPTH.exit() == 0;
  }
}
