package io.weft.benchmarks;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.httpserver.HttpServerMetrics;
import io.weft.instrumentations.httpserver.HttpServerSettings;
import io.weft.instrumentations.httpserver.JdkHttpServerHooks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Weft adds to one JDK HttpServer request: the entry and exit hooks woven into
 * {@code Filter.Chain.doFilter}, reading the exchange, updating active requests and recording the
 * duration (two clock reads included). The request itself is a finished fake exchange, so this is
 * the agent's cost alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HttpServerHooksBenchmark {

  private FakeExchange exchange;

  @Setup
  public void setUp() {
    HttpServerMetrics.install(new MetricRegistry(), HttpServerSettings.DEFAULTS);
    exchange = new FakeExchange();
  }

  @Benchmark
  public void jdkHttpServerRequest_weft() {
    long start = JdkHttpServerHooks.enter(exchange);
    JdkHttpServerHooks.exit(exchange, null, start);
  }
}
