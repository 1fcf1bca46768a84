package io.weft.agent.exporter.prometheus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricKind;
import org.junit.jupiter.api.Test;

class NameFilterTest {

  private static final PrometheusNames.Family REQUESTS =
      PrometheusNames.family("weft.scrape.requests", MetricKind.COUNTER, "{request}");
  private static final PrometheusNames.Family MEMORY =
      PrometheusNames.family("jvm.memory.used", MetricKind.UP_DOWN_COUNTER, "By");

  @Test
  void noQueryOrNoNameParameterSelectsEverything() {
    assertSame(NameFilter.ALL, NameFilter.parse(null));
    assertSame(NameFilter.ALL, NameFilter.parse(""));
    assertSame(NameFilter.ALL, NameFilter.parse("debug=1&name[]="));
    assertTrue(NameFilter.ALL.matches(REQUESTS));
  }

  @Test
  void matchesTheTextFormatNameAndTheBaseName() {
    assertTrue(NameFilter.parse("name[]=weft_scrape_requests_total").matches(REQUESTS));
    assertTrue(NameFilter.parse("name[]=weft_scrape_requests").matches(REQUESTS));
    assertFalse(NameFilter.parse("name[]=weft_scrape_requests_total").matches(MEMORY));
    assertFalse(NameFilter.parse("name[]=weft.scrape.requests").matches(REQUESTS));
  }

  @Test
  void acceptsRepeatedAndPercentEncodedParameters() {
    NameFilter filter = NameFilter.parse("name%5B%5D=jvm_memory_used_bytes&x=y&name[]=weft_scrape_requests_total");
    assertTrue(filter.matches(MEMORY));
    assertTrue(filter.matches(REQUESTS));
  }

  @Test
  void rejectsMalformedPercentEncoding() {
    assertThrows(IllegalArgumentException.class, () -> NameFilter.parse("name[]=%zz"));
    assertThrows(IllegalArgumentException.class, () -> NameFilter.parse("name[]=abc%"));
  }
}
