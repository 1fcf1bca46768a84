package io.weft.benchmarks;

import java.util.Map;

/**
 * {@link ServletHookBenchmark}'s request, for each route kind, timed by the thread's CPU clock (see
 * {@link CpuTimePerCall}), then the JDK HttpServer's hooks ({@link HttpServerHooksBenchmark}) for
 * comparison. Each one installs its own HTTP server metrics right before it runs.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.ServletHookCpuTime}
 */
public final class ServletHookCpuTime {

  private ServletHookCpuTime() {}

  public static void main(String[] args) {
    for (String route : new String[] {"exact", "template"}) {
      ServletHookBenchmark servlet = new ServletHookBenchmark();
      servlet.route = route;
      servlet.setUp();
      CpuTimePerCall.print(Map.of("servletRequest " + route, () -> {
        servlet.servletRequest();
        return null;
      }));
    }
    HttpServerHooksBenchmark jdk = new HttpServerHooksBenchmark();
    jdk.setUp();
    CpuTimePerCall.print(Map.of("jdkHttpServerRequest", () -> {
      jdk.jdkHttpServerRequest_weft();
      return null;
    }));
  }
}
