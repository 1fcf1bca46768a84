package io.weft.instrumentations.jdbc;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.List;

/** JDBC statement timing: {@code db.client.operation.duration} for every driver and pool. */
public final class JdbcFamily implements InstrumentationFamily {

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public List<TypeInstrumentation> install(MetricRegistry registry) {
    JdbcMetrics.install(registry);
    return List.of(new StatementInstrumentation(), new ConnectionInstrumentation(), new DriverInstrumentation());
  }
}
