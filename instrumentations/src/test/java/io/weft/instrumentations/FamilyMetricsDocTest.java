package io.weft.instrumentations;

import io.weft.instrumentations.hikaricp.ConnectionPoolMetrics;
import io.weft.instrumentations.jdbc.JdbcMetrics;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md lists exactly the metrics the JDBC and HikariCP families define, in their
 * sections, each with its kind, unit, attributes and Prometheus name.
 */
class FamilyMetricsDocTest {

  @Test
  void theJdbcSectionListsWhatTheJdbcFamilyDefines() throws IOException {
    MetricsDoc.assertDocumented("JDBC", JdbcMetrics.descriptors());
  }

  @Test
  void theHikariCpSectionListsWhatThePoolFamilyDefines() throws IOException {
    MetricsDoc.assertDocumented("HikariCP", ConnectionPoolMetrics.descriptors());
  }
}
