package io.weft.instrumentations.executor;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.List;

/** Executor and thread-pool metrics: ThreadPoolExecutor (and subclasses), ForkJoinPool, thread-per-task executors. */
public final class ExecutorFamily implements InstrumentationFamily {

  @Override
  public String name() {
    return "executors";
  }

  @Override
  public List<TypeInstrumentation> install(MetricRegistry registry) {
    ExecutorMetrics.install(registry);
    return List.of(new ThreadPoolExecutorInstrumentation(), new ThreadPoolWorkerInstrumentation(),
        new ForkJoinPoolInstrumentation(), new ForkJoinTaskInstrumentation(),
        new ThreadPerTaskExecutorInstrumentation(), new ThreadPerTaskRunInstrumentation());
  }

  @Override
  public void installCollectors(MetricRegistry registry) {
    ExecutorMetrics metrics = ExecutorMetrics.current();
    if (metrics != null) {
      metrics.registerPoolState(registry);
    }
  }
}
