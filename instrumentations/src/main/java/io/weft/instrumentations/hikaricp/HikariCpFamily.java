package io.weft.instrumentations.hikaricp;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.List;

/** HikariCP connection-pool metrics ({@code db.client.connection.*}). */
public final class HikariCpFamily implements InstrumentationFamily {

  @Override
  public String name() {
    return "hikaricp";
  }

  @Override
  public List<TypeInstrumentation> install(MetricRegistry registry) {
    ConnectionPoolMetrics.install(registry);
    return List.of(new HikariPoolInstrumentation());
  }
}
