package io.weft.instrumentations.executor;

/** The {@code jvm.executor.type} attribute: what kind of executor a pool is. */
enum PoolType {
  /** A {@code ThreadPoolExecutor} (or a subclass other than the scheduled one). */
  THREAD_POOL("thread_pool"),
  /** A {@code ScheduledThreadPoolExecutor} (or a subclass). */
  SCHEDULED("scheduled"),
  /** A {@code ForkJoinPool}, the common pool included. */
  FORK_JOIN("fork_join"),
  /** A thread-per-task executor whose threads are virtual ({@code Executors.newVirtualThreadPerTaskExecutor()}). */
  VIRTUAL("virtual"),
  /** A thread-per-task executor with a platform-thread factory ({@code Executors.newThreadPerTaskExecutor(f)}). */
  THREAD_PER_TASK("thread_per_task");

  /** The attribute value. */
  final String value;

  PoolType(String value) {
    this.value = value;
  }

  /** Whether tasks wait in a queue of the executor's (and so have a wait to measure and a queue to report). */
  boolean queues() {
    return this == THREAD_POOL || this == SCHEDULED || this == FORK_JOIN;
  }
}
