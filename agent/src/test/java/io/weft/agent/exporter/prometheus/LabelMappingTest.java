package io.weft.agent.exporter.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.Labels;
import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.snapshot.Attributes;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelMappingTest {

  @Test
  void sanitizesKeysAndKeepsValues() {
    LabelMapping mapping = LabelMapping.of(List.of("http.request.method", "http.route"));
    assertEquals(Labels.of("http_request_method", "GET", "http_route", "/users/{id}"),
        mapping.labels(Attributes.ofStrings("http.request.method", "GET", "http.route", "/users/{id}")));
  }

  @Test
  void keysThatCollideAreJoinedWithSemicolonsInOriginalKeyOrder() {
    // By original key: "a-b" < "a.b" < "a_b", as - . _ are 0x2D, 0x2E, 0x5F.
    LabelMapping mapping = LabelMapping.of(List.of("a_b", "zone", "a.b", "a-b"));
    assertEquals(Labels.of("a_b", "dash;dot;underscore", "zone", "eu"),
        mapping.labels(Attributes.ofStrings("a_b", "underscore", "zone", "eu", "a.b", "dot", "a-b", "dash")));
  }

  @Test
  void keysThatSanitizeToNothingAreDropped() {
    LabelMapping mapping = LabelMapping.of(List.of("", "pool"));
    assertEquals(Labels.of("pool", "heap"), mapping.labels(Attributes.ofStrings("", "ignored", "pool", "heap")));
  }

  @Test
  void noKeysGiveEmptyLabels() {
    assertEquals(Labels.EMPTY, LabelMapping.of(List.of()).labels(Attributes.EMPTY));
  }

  @Test
  void absentAttributesAreLeftOutAndIntegersWrittenInDecimal() {
    List<AttributeKey> keys = List.of(AttributeKey.string("http.request.method"),
        AttributeKey.longKey("http.response.status_code"), AttributeKey.string("error.type"),
        AttributeKey.booleanKey("jvm.thread.daemon"));
    LabelMapping mapping = LabelMapping.of(List.of("http.request.method", "http.response.status_code", "error.type",
        "jvm.thread.daemon"));
    assertEquals(Labels.of("http_request_method", "GET", "http_response_status_code", "200", "jvm_thread_daemon",
            "false"),
        mapping.labels(new Attributes(keys, new Object[] {"GET", 200L, null, false})));
    assertEquals(Labels.of("http_request_method", "GET"),
        mapping.labels(new Attributes(keys, new Object[] {"GET", null, null, null})));
  }

  @Test
  void collidingKeysJoinOnlyThePresentValues() {
    LabelMapping mapping = LabelMapping.of(List.of("a.b", "a_b"));
    assertEquals(Labels.of("a_b", "dot"), mapping.labels(
        new Attributes(AttributeKey.strings("a.b", "a_b"), new Object[] {"dot", null})));
    assertEquals(Labels.EMPTY, mapping.labels(
        new Attributes(AttributeKey.strings("a.b", "a_b"), new Object[] {null, null})));
  }

  @Test
  void knowsWhichKeysItWasBuiltFor() {
    LabelMapping mapping = LabelMapping.of(List.of("pool"));
    assertTrue(mapping.isFor(AttributeKey.strings("pool")));
    assertFalse(mapping.isFor(List.of(AttributeKey.booleanKey("otel.metric.overflow"))));
  }
}
