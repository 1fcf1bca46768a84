package io.weft.agent.exporter.otlp;

import static io.weft.agent.exporter.otlp.OtlpRequests.encodeAndDecode;
import static io.weft.agent.exporter.otlp.OtlpRequests.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Collector;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The specification's temporality table, per preference: which metrics go out as deltas. Each test runs
 * two exports with the same change in between (every counter up by 2 each time, from 5).
 */
class TemporalityTest {
  private static final long START_NANOS = 1_700_000_000_000_000_000L;
  private static final AggregationTemporality DELTA = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
  private static final AggregationTemporality CUMULATIVE = AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
  private static final MetricDescriptor COLLECTED = new MetricDescriptor("demo.collected", MetricKind.COUNTER, "", "",
      List.of());

  private final MetricRegistry registry = new MetricRegistry();
  private final AtomicLong ticks = new AtomicLong(5);
  private final Counter.Handle requests = registry.counter("demo.requests").register().bind();
  private final Histogram.Handle duration = registry.histogram("demo.duration").buckets(1).register().bind();

  TemporalityTest() {
    registry.counterCallback("demo.ticks").register(cb -> cb.record(ticks.get()));
    registry.upDownCounterCallback("demo.open").register(cb -> cb.record(ticks.get()));
    registry.upDownCounter("demo.active").register().bind().add(5);
    registry.register(new Collector() {
      @Override
      public List<MetricDescriptor> describe() {
        return List.of(COLLECTED);
      }

      @Override
      public void collect(Output out) {
        out.point(COLLECTED, ticks.get());
      }
    });
    requests.add(5);
  }

  @Test
  void lowMemoryMakesSynchronousCountersAndHistogramsDeltasAndKeepsCallbackCountersCumulative() {
    ExportMetricsServiceRequest second = exportTwice(Temporality.LOWMEMORY);

    assertSum(second, "demo.requests", DELTA, 2);
    assertEquals(DELTA, metric(second, "demo.duration").getHistogram().getAggregationTemporality());
    assertEquals(2, metric(second, "demo.duration").getHistogram().getDataPoints(0).getCount());
    assertSum(second, "demo.ticks", CUMULATIVE, 7);
    assertSum(second, "demo.collected", CUMULATIVE, 7);
    assertSum(second, "demo.open", CUMULATIVE, 7);
    assertSum(second, "demo.active", CUMULATIVE, 5);
  }

  @Test
  void deltaMakesEveryCounterAndHistogramADelta() {
    ExportMetricsServiceRequest second = exportTwice(Temporality.DELTA);

    assertSum(second, "demo.requests", DELTA, 2);
    assertEquals(DELTA, metric(second, "demo.duration").getHistogram().getAggregationTemporality());
    assertSum(second, "demo.ticks", DELTA, 2);
    assertSum(second, "demo.collected", DELTA, 2);
    assertSum(second, "demo.open", CUMULATIVE, 7);
    assertSum(second, "demo.active", CUMULATIVE, 5);
  }

  @Test
  void cumulativeKeepsEverythingCumulative() {
    ExportMetricsServiceRequest second = exportTwice(Temporality.CUMULATIVE);

    assertSum(second, "demo.requests", CUMULATIVE, 7);
    assertEquals(CUMULATIVE, metric(second, "demo.duration").getHistogram().getAggregationTemporality());
    assertSum(second, "demo.ticks", CUMULATIVE, 7);
    assertSum(second, "demo.collected", CUMULATIVE, 7);
  }

  /** Exports, commits, moves every counter up by 2 and records twice; returns the second export. */
  private ExportMetricsServiceRequest exportTwice(Temporality temporality) {
    MetricDataConverter converter = new MetricDataConverter(
        SdkExporter.resource(new Resource(Map.of("service.name", "orders"))), SdkExporter.scope("1.2.3"),
        START_NANOS, temporality);
    converter.commit(converter.convert(registry.collect()));
    requests.add(2);
    ticks.addAndGet(2);
    duration.record(0.5);
    duration.record(0.7);
    return encodeAndDecode(converter.convert(registry.collect()));
  }

  private static void assertSum(ExportMetricsServiceRequest request, String name, AggregationTemporality temporality,
      double value) {
    Metric metric = metric(request, name);
    assertEquals(temporality, metric.getSum().getAggregationTemporality(), name);
    assertEquals(value, metric.getSum().getDataPoints(0).getAsDouble(), name);
  }
}
