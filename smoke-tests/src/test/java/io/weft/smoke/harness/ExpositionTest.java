package io.weft.smoke.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ExpositionTest {

  @Test
  void readsFamiliesLabelsEscapesAndSpecialValues() {
    Exposition parsed = Exposition.parse(
        "# HELP q_seconds Latency.\n"
            + "# TYPE q_seconds histogram\n"
            + "q_seconds_bucket{path=\"/a\\\"b\\\\c\\nd\",le=\"+Inf\"} 3 1700000000000\n"
            + "q_seconds_count{path=\"/a\\\"b\\\\c\\nd\",} 3\n"
            + "# TYPE up gauge\n"
            + "up NaN\n"
            + "down -Inf\n");

    assertEquals(new Exposition.Family("q_seconds", "histogram", "Latency.", null), parsed.families().get("q_seconds"));
    Sample bucket = parsed.only("q_seconds_bucket", "le", "+Inf");
    assertEquals(Map.of("path", "/a\"b\\c\nd", "le", "+Inf"), bucket.labels());
    assertEquals(3.0, bucket.value());
    assertTrue(Double.isNaN(parsed.only("up").value()));
    assertEquals(Double.NEGATIVE_INFINITY, parsed.only("down").value());
    assertEquals(0.0, parsed.valueOrZero("absent"));
  }

  @Test
  void dropsExemplarsAndRecordsEof() {
    Exposition parsed = Exposition.parse(
        "# TYPE c counter\nc_total{a=\"1\"} 5 # {trace_id=\"x\"} 1.0 1.5\n# EOF\n");
    assertEquals(5.0, parsed.only("c_total", "a", "1").value());
    assertTrue(parsed.endsWithEof());
  }

  @Test
  void rejectsMalformedLines() {
    assertThrows(AssertionFailedError.class, () -> Exposition.parse("x{a=\"1} 1\n"));
    assertThrows(AssertionFailedError.class, () -> Exposition.parse("x{a=1} 1\n"));
    assertThrows(AssertionFailedError.class, () -> Exposition.parse("x one\n"));
    assertThrows(AssertionFailedError.class, () -> Exposition.parse("# TYPE x gauge\n# TYPE x gauge\nx 1\n"));
    assertThrows(AssertionFailedError.class, () -> Exposition.parse("# EOF\nx 1\n"));
  }
}
