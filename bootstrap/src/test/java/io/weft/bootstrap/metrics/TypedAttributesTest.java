package io.weft.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attribute values keep the type their key was registered with, and absent is a state of its own. */
class TypedAttributesTest {

  private final MetricRegistry registry = MetricRegistry.pedantic();
  private final Histogram duration = registry.histogram("http.server.request.duration").unit("s")
      .attributes(AttributeKey.string("http.request.method"),
          AttributeKey.longKey("http.response.status_code").conditionallyRequired(),
          AttributeKey.string("error.type").conditionallyRequired())
      .register();

  @Test
  void integerValuesReachTheSnapshotAsLongsAndAbsentOnesAsNull() {
    duration.bind(duration.values().set(0, "GET").set(1, 200)).record(0.1);
    HistogramPoint p = (HistogramPoint) registry.collect().find("http.server.request.duration").points().get(0);
    assertEquals(List.of(AttributeKey.string("http.request.method"),
        AttributeKey.longKey("http.response.status_code").conditionallyRequired(),
        AttributeKey.string("error.type").conditionallyRequired()), p.attributes().keys());
    assertEquals(200L, p.attributes().value("http.response.status_code"));
    assertNull(p.attributes().value("error.type"));
    assertEquals("200", p.attributes().get("http.response.status_code"));
  }

  @Test
  void theTypedAndTheObjectBindFindTheSameSeries() {
    Histogram.Handle typed = duration.bind(duration.values().set(0, "GET").set(1, 500).set(2, "500"));
    assertSame(typed, duration.bind("GET", 500, "500"));
    assertSame(typed, duration.bind("GET", 500L, "500"));
    assertEquals(1, duration.seriesCount());
  }

  @Test
  void aSeriesWithoutAnOptionalAttributeIsAnotherSeriesAndEmptyMeansAbsent() {
    Histogram.Handle withError = duration.bind("GET", 500, "500");
    Histogram.Handle without = duration.bind("GET", 500, null);
    assertNotSame(withError, without);
    assertSame(without, duration.bind("GET", 500, ""));
    assertSame(without, duration.bind(duration.values().set(0, "GET").set(1, 500).set(2, "")));
    assertEquals(2, duration.seriesCount());
  }

  @Test
  void theTypeOfEachKeyIsFixedAtRegistration() {
    IllegalArgumentException typed = assertThrows(IllegalArgumentException.class, () -> duration.values().set(1, "200"));
    assertEquals("attribute 1 takes int values, not string", typed.getMessage());
    IllegalArgumentException objects = assertThrows(IllegalArgumentException.class, () -> duration.bind("GET", "200", null));
    assertEquals("http.server.request.duration [http.request.method, http.response.status_code, error.type]:"
        + " attribute 1 takes int values, got String 200", objects.getMessage());
    assertThrows(IllegalArgumentException.class, () -> duration.bind("GET", 2.5, null));
  }

  @Test
  void valuesMadeForAnotherMetricAreRefused() {
    Counter other = registry.counter("app.other").attributeKeys("a", "b", "c").register();
    AttributeValues values = other.values().set(0, "x");
    assertThrows(IllegalArgumentException.class, () -> duration.bind(values));
  }

  @Test
  void callbacksAndCollectorsReportTypedValues() {
    registry.gaugeCallback("jvm.thread.count").attributes(AttributeKey.booleanKey("jvm.thread.daemon"),
        AttributeKey.string("jvm.thread.state")).register(cb -> {
          cb.record(3, true, "runnable");
          cb.record(1, false, null);
        });
    List<NumberPoint> points = registry.collect().find("jvm.thread.count").points().stream()
        .map(NumberPoint.class::cast).toList();
    assertEquals(Boolean.TRUE, points.get(0).attributes().value("jvm.thread.daemon"));
    assertEquals(new Attributes(List.of(AttributeKey.booleanKey("jvm.thread.daemon"), AttributeKey.string("jvm.thread.state")),
        new Object[] {false, null}), points.get(1).attributes());
  }

  @Test
  void aCallbackGivingAStringForABooleanKeyLosesItsMetricForThatPass() {
    registry.gaugeCallback("app.flags").attributes(AttributeKey.booleanKey("flag")).register(cb -> cb.record(1, "true"));
    assertNull(registry.collect().find("app.flags"));
  }

  @Test
  void bindingAKnownCombinationAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 20_000; i++) {
      bindAndRecord(i);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      bindAndRecord(i);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(0, allocated, "bytes allocated by 10,000 binds and records of known series");
  }

  private void bindAndRecord(int i) {
    duration.bind(duration.values().set(0, "GET").set(1, 200 + (i & 3)).set(2, (i & 4) == 0 ? null : "500"))
        .record(0.001);
  }
}
