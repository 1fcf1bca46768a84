package io.weft.agent.exporter.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelMappingTest {

  @Test
  void sanitizesKeysAndKeepsValues() {
    LabelMapping mapping = LabelMapping.of(List.of("http.request.method", "http.route"));
    assertEquals(Labels.of("http_request_method", "GET", "http_route", "/users/{id}"),
        mapping.labels(List.of("GET", "/users/{id}")));
  }

  @Test
  void keysThatCollideAreJoinedWithSemicolonsInOriginalKeyOrder() {
    // By original key: "a-b" < "a.b" < "a_b", as - . _ are 0x2D, 0x2E, 0x5F.
    LabelMapping mapping = LabelMapping.of(List.of("a_b", "zone", "a.b", "a-b"));
    assertEquals(Labels.of("a_b", "dash;dot;underscore", "zone", "eu"),
        mapping.labels(List.of("underscore", "eu", "dot", "dash")));
  }

  @Test
  void keysThatSanitizeToNothingAreDropped() {
    LabelMapping mapping = LabelMapping.of(List.of("", "pool"));
    assertEquals(Labels.of("pool", "heap"), mapping.labels(List.of("ignored", "heap")));
  }

  @Test
  void noKeysGiveEmptyLabels() {
    assertEquals(Labels.EMPTY, LabelMapping.of(List.of()).labels(List.of()));
  }

  @Test
  void knowsWhichKeysItWasBuiltFor() {
    LabelMapping mapping = LabelMapping.of(List.of("pool"));
    assertTrue(mapping.isFor(List.of("pool")));
    assertFalse(mapping.isFor(List.of("otel.metric.overflow")));
  }
}
