package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.List;

/** HTTP server metrics for the JDK HttpServer and Servlet containers (javax and jakarta). */
public final class HttpServerFamily implements InstrumentationFamily {

  private final HttpServerSettings settings;

  public HttpServerFamily(HttpServerSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "http.server";
  }

  @Override
  public List<TypeInstrumentation> install(MetricRegistry registry) {
    HttpServerMetrics.install(registry, settings);
    return List.of(new JdkHttpServerInstrumentation(), new ServletFilterChainInstrumentation(),
        new HttpServletInstrumentation());
  }
}
