package io.weft.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

  private final MetricRegistry registry = MetricRegistry.pedantic();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void captureLog() {
    WeftLog.setOutput(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    WeftLog.setOutput(System.err);
  }

  private static double value(RegistrySnapshot snapshot, String metric, String... attributeValues) {
    MetricSnapshot m = snapshot.find(metric);
    for (var p : m.points()) {
      if (p.attributes().values().equals(List.of(attributeValues))) {
        return ((NumberPoint) p).value();
      }
    }
    throw new AssertionError(metric + List.of(attributeValues) + " not in " + m);
  }

  @Test
  void registeringAnIdenticalDefinitionReturnsTheExistingInstrument() {
    Counter a = registry.counter("app.jobs").unit("{job}").description("Jobs.").attributeKeys("k").register();
    Counter b = registry.counter("app.jobs").unit("{job}").description("Jobs.").attributeKeys("k").register();
    assertSame(a, b);
  }

  @Test
  void sameNameWithDifferentUnitIsRejectedShowingBothDefinitions() {
    registry.counter("app.jobs").unit("{job}").description("Jobs.").register();
    RegistrationException e = assertThrows(RegistrationException.class,
        () -> registry.counter("app.jobs").unit("s").description("Jobs.").register());
    assertEquals(
        "metric app.jobs is already registered with a different definition:\n"
            + "  registered: counter app.jobs [{job}] [] \"Jobs.\"\n"
            + "  requested:  counter app.jobs [s] [] \"Jobs.\"",
        e.getMessage());
  }

  @Test
  void sameNameWithDifferentKindDescriptionKeysOrBucketsIsRejected() {
    registry.histogram("app.latency").unit("s").description("d").attributeKeys("a").buckets(1, 2).register();
    assertThrows(RegistrationException.class,
        () -> registry.gauge("app.latency").unit("s").description("d").attributeKeys("a").register());
    assertThrows(RegistrationException.class,
        () -> registry.histogram("app.latency").unit("s").description("other").attributeKeys("a").buckets(1, 2).register());
    assertThrows(RegistrationException.class,
        () -> registry.histogram("app.latency").unit("s").description("d").attributeKeys("b").buckets(1, 2).register());
    assertThrows(RegistrationException.class,
        () -> registry.histogram("app.latency").unit("s").description("d").attributeKeys("a").buckets(1, 3).register());
    assertThrows(RegistrationException.class,
        () -> registry.gaugeCallback("app.latency").unit("s").description("d").attributeKeys("a").register(cb -> {}));
  }

  @Test
  void collectorDescribingARegisteredNameIsRejected() {
    registry.gauge("app.size").register();
    MetricDescriptor d = new MetricDescriptor("app.size", MetricKind.GAUGE, "", "", List.of());
    RegistrationException e = assertThrows(RegistrationException.class, () -> registry.register(new FixedCollector(d)));
    assertTrue(e.getMessage().contains("registered: gauge app.size"), e.getMessage());
  }

  @Test
  void invalidNamesAndAttributeKeysAreRejectedAtRegistration() {
    assertThrows(RegistrationException.class, () -> registry.counter("1starts.with.digit").register());
    assertThrows(RegistrationException.class, () -> registry.counter("has space").register());
    assertThrows(RegistrationException.class, () -> registry.counter("").register());
    assertThrows(RegistrationException.class, () -> registry.counter("ok").attributeKeys("a", "a").register());
    assertThrows(RegistrationException.class, () -> registry.counter("ok2").attributeKeys("bad key").register());
    assertThrows(RegistrationException.class, () -> registry.histogram("h").buckets(2, 1).register());
    assertThrows(RegistrationException.class, () -> registry.histogram("h2").buckets(Double.NaN).register());
  }

  @Test
  void bindWithTheWrongNumberOfValuesFailsAtBindTime() {
    Counter c = registry.counter("app.requests").attributeKeys("method", "route").register();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.bind("GET"));
    assertEquals("app.requests [method, route]: takes 2 attribute values, got 1: [GET]", e.getMessage());
  }

  @Test
  void bindReturnsTheSameHandleForTheSameValues() {
    Counter c = registry.counter("app.requests").attributeKeys("method").register();
    assertSame(c.bind("GET"), c.bind(new String[] {"GET"}));
    assertEquals(1, c.seriesCount());
  }

  @Test
  void anUnboundSeriesLeavesTheOutputAndBindingAgainStartsAfresh() {
    Histogram h = registry.histogram("pool.wait").unit("s").buckets(1).attributeKeys("pool").register();
    Histogram.Handle closing = h.bind("a");
    closing.record(0.5);
    h.bind("b").record(0.5);
    h.unbind("a");
    closing.record(0.5);
    RegistrySnapshot s = registry.collect();
    assertEquals(1, s.find("pool.wait").points().size());
    assertEquals("b", s.find("pool.wait").points().get(0).attributes().values().get(0));
    Histogram.Handle again = h.bind("a");
    assertNotSame(closing, again);
    again.record(0.5);
    assertEquals(2, registry.collect().find("pool.wait").points().size());
  }

  @Test
  void instrumentsReportTheirValuesWithAttributes() {
    Counter c = registry.counter("app.requests").attributeKeys("method").register();
    c.bind("GET").inc();
    c.bind("GET").add(2.5);
    c.bind("GET").add(-7);
    c.bind("GET").add(-0.5);
    c.bind("GET").add(3L);
    c.bind("POST").inc();
    UpDownCounter u = registry.upDownCounter("app.active").register();
    u.bind().add(3);
    u.bind().add(-5);
    Gauge g = registry.gauge("app.temperature").register();
    g.bind().set(21.5);
    Histogram h = registry.histogram("app.latency").unit("s").buckets(0.1, 1).register();
    Histogram.Handle hh = h.bind();
    hh.record(0.05);
    hh.record(0.1);
    hh.record(0.5);
    hh.record(7);
    hh.record(Double.NaN);

    RegistrySnapshot s = registry.collect();
    assertEquals(6.5, value(s, "app.requests", "GET"));
    assertEquals(1.0, value(s, "app.requests", "POST"));
    assertEquals(-2.0, value(s, "app.active"));
    assertEquals(21.5, value(s, "app.temperature"));
    HistogramPoint p = (HistogramPoint) s.find("app.latency").points().get(0);
    assertEquals(List.of(2L, 1L, 1L), List.of(p.bucketCounts()[0], p.bucketCounts()[1], p.bucketCounts()[2]));
    assertEquals(4, p.count());
    assertEquals(7.65, p.sum(), 1e-12);
    assertEquals(0.05, p.min());
    assertEquals(7.0, p.max());
  }

  @Test
  void anEmptyHistogramSeriesHasNoMinOrMax() {
    Histogram.Handle h = registry.histogram("app.empty").buckets(1).register().bind();
    HistogramPoint p = (HistogramPoint) registry.collect().find("app.empty").points().get(0);
    assertEquals(0, p.count());
    assertTrue(Double.isNaN(p.min()) && Double.isNaN(p.max()), p.toString());
    h.record(-2);
    p = (HistogramPoint) registry.collect().find("app.empty").points().get(0);
    assertEquals(-2.0, p.min());
    assertEquals(-2.0, p.max());
  }

  @Test
  void histogramStaysCumulativeAcrossCollections() {
    Histogram.Handle h = registry.histogram("app.latency").buckets(1).register().bind();
    h.record(0.5);
    registry.collect();
    h.record(2);
    h.record(3);
    HistogramPoint p = (HistogramPoint) registry.collect().find("app.latency").points().get(0);
    assertEquals(3, p.count());
    assertEquals(5.5, p.sum());
    assertEquals(1, p.bucketCounts()[0]);
    assertEquals(2, p.bucketCounts()[1]);
    assertEquals(0.5, p.min());
    assertEquals(3.0, p.max());
  }

  @Test
  void recordSinceRecordsElapsedSeconds() throws InterruptedException {
    Histogram.Handle h = registry.histogram("app.wait").unit("s").buckets(0.001, 10).register().bind();
    long start = System.nanoTime();
    Thread.sleep(5);
    long elapsedAtLeast = System.nanoTime() - start;
    h.recordSince(start);
    HistogramPoint p = (HistogramPoint) registry.collect().find("app.wait").points().get(0);
    assertEquals(1, p.bucketCounts()[1], "between 1 ms and 10 s");
    assertTrue(p.sum() >= elapsedAtLeast / 1e9 && p.sum() < 10, "sum " + p.sum());
  }

  @Test
  void seriesBeyondTheLimitGoToTheOverflowSeries() {
    Counter c = registry.counter("app.users").attributeKeys("user").seriesLimit(3).register();
    for (int i = 0; i < 10; i++) {
      c.bind("u" + i).inc();
    }
    MetricSnapshot m = registry.collect().find("app.users");
    assertEquals(4, m.points().size());
    NumberPoint overflow = (NumberPoint) m.points().stream()
        .filter(p -> p.attributes().equals(Attributes.OVERFLOW)).findFirst().orElseThrow();
    assertEquals(7.0, overflow.value());
    assertEquals(3, c.seriesCount());
    assertEquals(1, log.toString().lines().filter(l -> l.contains("app.users reached its limit of 3")).count());
  }

  @Test
  void callbacksRunOnlyAtCollection() {
    int[] calls = {0};
    registry.gaugeCallback("app.queue").attributeKeys("queue").register(cb -> {
      calls[0]++;
      cb.record(4, "a");
      cb.record(6, "b");
    });
    assertEquals(0, calls[0]);
    RegistrySnapshot s = registry.collect();
    assertEquals(1, calls[0]);
    assertEquals(4.0, value(s, "app.queue", "a"));
    assertEquals(6.0, value(s, "app.queue", "b"));
  }

  @Test
  void aThrowingCallbackLosesOnlyItsOwnMetricAndIsCounted() {
    registry.gaugeCallback("app.good").register(cb -> cb.record(1));
    registry.gaugeCallback("app.bad").register(cb -> {
      cb.record(1);
      throw new IllegalStateException("boom");
    });
    registry.counterCallback("app.good2").register(cb -> cb.record(2));

    RegistrySnapshot s = registry.collect();
    assertEquals(1.0, value(s, "app.good"));
    assertEquals(2.0, value(s, "app.good2"));
    assertNull(s.find("app.bad"));
    assertEquals(1.0, value(s, "weft.collection.errors", "app.bad"));
    assertEquals(2.0, value(registry.collect(), "weft.collection.errors", "app.bad"));
    assertEquals(1, log.toString().lines().filter(l -> l.contains("collecting app.bad failed")).count(),
        "logged once per minute, not per pass: " + log);
  }

  @Test
  void aCallbackRecordingTheWrongNumberOfValuesIsACollectionError() {
    registry.gaugeCallback("app.x").attributeKeys("a").register(cb -> cb.record(1));
    RegistrySnapshot s = registry.collect();
    assertNull(s.find("app.x"));
    assertEquals(1.0, value(s, "weft.collection.errors", "app.x"));
  }

  @Test
  void collectorEmitsWhatItDescribed() {
    MetricDescriptor used = new MetricDescriptor("app.mem.used", MetricKind.UP_DOWN_COUNTER, "By", "Used.", AttributeKey.strings("pool"));
    MetricDescriptor total = new MetricDescriptor("app.mem.total", MetricKind.COUNTER, "By", "Total.", List.of());
    registry.register(new Collector() {
      public List<MetricDescriptor> describe() {
        return List.of(used, total);
      }

      public void collect(Output out) {
        out.point(used, 10, "eden");
        out.point(used, 20, "old");
        out.point(total, 30);
      }
    });
    RegistrySnapshot s = registry.collect();
    assertEquals(10.0, value(s, "app.mem.used", "eden"));
    assertEquals(20.0, value(s, "app.mem.used", "old"));
    assertEquals(30.0, value(s, "app.mem.total"));
    assertEquals(used, s.find("app.mem.used").descriptor());
  }

  @Test
  void pedanticRegistryRejectsACollectorEmittingAnUndescribedMetric() {
    MetricDescriptor described = new MetricDescriptor("app.a", MetricKind.GAUGE, "", "", List.of());
    MetricDescriptor sneaky = new MetricDescriptor("app.b", MetricKind.GAUGE, "", "", List.of());
    registry.register(new Collector() {
      public List<MetricDescriptor> describe() {
        return List.of(described);
      }

      public void collect(Output out) {
        out.point(described, 1);
        out.point(sneaky, 2);
      }

      public String name() {
        return "sneaky";
      }
    });
    RegistrySnapshot s = registry.collect();
    assertNull(s.find("app.a"), "the whole collector's output is dropped for the pass");
    assertNull(s.find("app.b"));
    assertEquals(1.0, value(s, "weft.collection.errors", "sneaky"));
  }

  @Test
  void nonPedanticRegistryAcceptsUndescribedPointsUnderFreeNames() {
    MetricRegistry lenient = new MetricRegistry();
    MetricDescriptor extra = new MetricDescriptor("app.extra", MetricKind.GAUGE, "", "", List.of());
    lenient.register(new FixedCollector(extra) {
      @Override
      public List<MetricDescriptor> describe() {
        return List.of();
      }
    });
    assertEquals(1.0, value(lenient.collect(), "app.extra"));
  }

  @Test
  void uncheckedCollectorCannotEmitANameOwnedByAnotherSource() {
    registry.gauge("app.owned").register().bind().set(5);
    MetricDescriptor clash = new MetricDescriptor("app.owned", MetricKind.GAUGE, "", "", List.of());
    MetricDescriptor free = new MetricDescriptor("app.free", MetricKind.GAUGE, "", "", List.of());
    registry.registerUnchecked(new FixedCollector(free) {
      @Override
      public String name() {
        return "fine";
      }
    });
    registry.registerUnchecked(new FixedCollector(clash) {
      @Override
      public String name() {
        return "clashing";
      }
    });
    RegistrySnapshot s = registry.collect();
    assertEquals(5.0, value(s, "app.owned"));
    assertEquals(1.0, value(s, "app.free"));
    assertEquals(1.0, value(s, "weft.collection.errors", "clashing"));
  }

  @Test
  void unregisteredCollectorDisappears() {
    MetricDescriptor d = new MetricDescriptor("app.pool.size", MetricKind.GAUGE, "", "", List.of());
    FixedCollector c = new FixedCollector(d);
    registry.register(c);
    assertEquals(1.0, value(registry.collect(), "app.pool.size"));
    registry.unregister(c);
    assertNull(registry.collect().find("app.pool.size"));
    registry.register(c);
    assertEquals(1.0, value(registry.collect(), "app.pool.size"));
  }

  @Test
  void metricsWithoutPointsAreLeftOutAndOrderIsRegistrationOrder() {
    registry.counter("app.unused").register();
    registry.gauge("app.z").register().bind().set(1);
    registry.gauge("app.a").register().bind().set(1);
    RegistrySnapshot s = registry.collect();
    assertNull(s.find("app.unused"));
    assertEquals(List.of("app.z", "app.a"), s.metrics().stream().map(m -> m.descriptor().name()).toList());
  }

  @Test
  void onePassHasOneTimestamp() {
    long before = System.currentTimeMillis();
    RegistrySnapshot s = registry.collect();
    assertTrue(s.epochMillis() >= before && s.epochMillis() <= System.currentTimeMillis());
  }

  @Test
  void snapshotsTellCallbackAndCollectorMetricsFromInstrumentsFedByCode() {
    registry.counter("app.hits").register().bind().inc();
    registry.histogram("app.latency").register().bind().record(1);
    registry.counterCallback("app.ticks").register(cb -> cb.record(3));
    registry.upDownCounterCallback("app.open").register(cb -> cb.record(2));
    registry.register(new FixedCollector(
        new MetricDescriptor("app.collected", MetricKind.COUNTER, "", "", List.of())));
    RegistrySnapshot s = registry.collect();
    assertEquals(false, s.find("app.hits").asynchronous());
    assertEquals(false, s.find("app.latency").asynchronous());
    assertEquals(true, s.find("app.ticks").asynchronous());
    assertEquals(true, s.find("app.open").asynchronous());
    assertEquals(true, s.find("app.collected").asynchronous());
  }

  /** Emits one point of value 1 for the given metric. */
  private static class FixedCollector implements Collector {
    private final MetricDescriptor metric;

    FixedCollector(MetricDescriptor metric) {
      this.metric = metric;
    }

    @Override
    public List<MetricDescriptor> describe() {
      return List.of(metric);
    }

    @Override
    public void collect(Output out) {
      out.point(metric, 1);
    }
  }
}
