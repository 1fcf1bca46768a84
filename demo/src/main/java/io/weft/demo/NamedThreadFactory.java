package io.weft.demo;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names threads {@code prefix-1}, {@code prefix-2}, ... so a thread dump tells the pools apart. */
final class NamedThreadFactory implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger next = new AtomicInteger(1);

  NamedThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + next.getAndIncrement());
    // Daemon threads so that a stopped HTTP server lets the JVM end.
    thread.setDaemon(true);
    return thread;
  }
}
