package io.weft.smoke.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class OpenMetricsCheckTest {
  private static final String VALID =
      "# TYPE target info\n"
          + "target_info{service_name=\"demo\"} 1\n"
          + "# TYPE jvm_class_loaded counter\n"
          + "# UNIT jvm_class_loaded \n"
          + "jvm_class_loaded_total 10.0\n"
          + "# TYPE d_seconds histogram\n"
          + "# UNIT d_seconds seconds\n"
          + "d_seconds_bucket{le=\"1.0\"} 1\n"
          + "d_seconds_bucket{le=\"+Inf\"} 2\n"
          + "d_seconds_count 2\n"
          + "d_seconds_sum 1.5\n"
          + "# EOF\n";

  @Test
  void acceptsAWellFormedBody() {
    assertEquals(2.0, OpenMetricsCheck.assertValid(VALID).only("d_seconds_count").value());
  }

  @Test
  void rejectsEachBrokenRule() {
    assertRejected(VALID.replace("# EOF\n", ""));
    assertRejected(VALID.replace("jvm_class_loaded_total 10.0", "jvm_class_loaded 10.0"));
    assertRejected(VALID.replace("# TYPE jvm_class_loaded counter\n# UNIT jvm_class_loaded \n", "# TYPE jvm_class_loaded_total counter\n"));
    assertRejected(VALID.replace("# UNIT d_seconds seconds", "# UNIT d_seconds bytes"));
    assertRejected(VALID.replace("d_seconds_count 2", "d_seconds_count 3"));
    assertRejected(VALID.replace("# TYPE target info", "# TYPE target bogus"));
    assertRejected(VALID.replace("# EOF\n", "# TYPE target info\ntarget_info 1\n# EOF\n"));
  }

  private static void assertRejected(String body) {
    assertThrows(AssertionFailedError.class, () -> OpenMetricsCheck.assertValid(body), body);
  }
}
