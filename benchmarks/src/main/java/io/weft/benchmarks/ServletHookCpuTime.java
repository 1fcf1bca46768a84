package io.weft.benchmarks;

import java.util.Map;

/**
 * {@link ServletHookBenchmark}'s request timed by the thread's CPU clock (see {@link
 * CpuTimePerCall}), or the JDK HttpServer's hooks ({@link HttpServerHooksBenchmark}) for comparison.
 * One operation per JVM, as JMH forks: run after another in the same JVM, the second inherits the
 * first one's JIT profile and measured up to twice its own cost.
 *
 * <p>Usage: {@code for op in exact template jdk; do java -cp benchmarks/target/benchmarks.jar
 * io.weft.benchmarks.ServletHookCpuTime $op; done}
 */
public final class ServletHookCpuTime {

  private ServletHookCpuTime() {}

  public static void main(String[] args) {
    String operation = args.length == 1 ? args[0] : "";
    switch (operation) {
      case "exact", "template" -> {
        ServletHookBenchmark servlet = new ServletHookBenchmark();
        servlet.route = operation;
        servlet.setUp();
        CpuTimePerCall.print(Map.of("servletRequest " + operation, () -> {
          servlet.servletRequest();
          return null;
        }));
      }
      case "jdk" -> {
        HttpServerHooksBenchmark jdk = new HttpServerHooksBenchmark();
        jdk.setUp();
        CpuTimePerCall.print(Map.of("jdkHttpServerRequest", () -> {
          jdk.jdkHttpServerRequest_weft();
          return null;
        }));
      }
      default -> System.err.println("usage: ServletHookCpuTime exact|template|jdk");
    }
  }
}
