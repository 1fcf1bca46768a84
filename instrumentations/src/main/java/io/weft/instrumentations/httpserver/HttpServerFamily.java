package io.weft.instrumentations.httpserver;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.List;

/** HTTP server metrics for the JDK HttpServer. */
public final class HttpServerFamily implements InstrumentationFamily {

  @Override
  public String name() {
    return "http.server";
  }

  @Override
  public List<TypeInstrumentation> install(MetricRegistry registry) {
    HttpServerMetrics.install(registry);
    return List.of(new JdkHttpServerInstrumentation());
  }
}
