package io.weft.bootstrap.context;

/**
 * A thread that belongs to the agent (scrape server, exporters, init). Instrumentation hooks ignore
 * work done on such threads, so the agent never measures itself as if it were the application.
 */
public final class AgentThread extends Thread {

  /** A daemon thread running {@code task}. */
  public AgentThread(Runnable task, String name) {
    super(task, name);
    setDaemon(true);
  }

  /** True on a thread of the agent's. Cost: a type check of the current thread. */
  public static boolean isCurrent() {
    return Thread.currentThread() instanceof AgentThread;
  }
}
