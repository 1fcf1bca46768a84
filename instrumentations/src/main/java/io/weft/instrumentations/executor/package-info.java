/**
 * Executor metrics ({@code jvm.executor.task.duration}, {@code jvm.executor.task.wait.duration},
 * {@code jvm.executor.task.rejected} and the pool-state gauges {@code jvm.executor.pool.*} and
 * {@code jvm.executor.queue.*}) for {@code ThreadPoolExecutor} and its subclasses, {@code
 * ForkJoinPool} (the common pool included) and thread-per-task executors. Switched off as a whole by
 * {@code WEFT_INSTRUMENTATION_EXECUTORS_ENABLED=false}.
 *
 * <p>The executor classes are loaded early, often before the agent, so they are retransformed: the
 * rewrites only add straight-line calls to existing method bodies, never fields or methods. Tasks are
 * never wrapped; what the hooks need to remember about a task or an executor lives in tables here
 * that hold no task at all ({@code SubmissionTimes}: identity hashes and times) or hold executors
 * weakly ({@code PoolRegistry}), so nothing the application drops is kept alive. Pool state is read from the live executors only when something collects.
 *
 * <p>Loaded on the bootstrap class path; depends on {@code io.weft.bootstrap}, the weaving engine
 * and {@code java.base} only.
 */
package io.weft.instrumentations.executor;
