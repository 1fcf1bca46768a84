package io.weft.agent.exporter.otlp;

import static io.weft.agent.exporter.otlp.OtlpRequests.attributes;
import static io.weft.agent.exporter.otlp.OtlpRequests.encodeAndDecode;
import static io.weft.agent.exporter.otlp.OtlpRequests.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricDataConverterTest {
  private static final long START_NANOS = 1_700_000_000_000_000_000L;
  private static final Resource RESOURCE =
      new Resource(Map.of("service.name", "orders", "process.pid", "42", "telemetry.sdk.name", "weft"));

  private final MetricRegistry registry = new MetricRegistry(false, 3);

  private MetricDataConverter converter(Temporality temporality) {
    return new MetricDataConverter(SdkExporter.resource(RESOURCE), SdkExporter.scope("1.2.3"), START_NANOS,
        temporality);
  }

  @Test
  void kindsNamesUnitsDescriptionsAndAttributesMapOneToOne() {
    Counter requests = registry.counter("demo.requests").unit("{request}").description("Requests served.")
        .attributeKeys("http.request.method", "http.response.status_code").register();
    requests.bind("GET", "200").add(3);
    registry.upDownCounter("demo.active").unit("{request}").description("Requests in flight.").register()
        .bind().add(-2);
    registry.gauge("demo.limit").unit("By").description("Memory limit.").register().bind().set(1024);

    RegistrySnapshot snapshot = registry.collect();
    ExportMetricsServiceRequest request = encodeAndDecode(converter(Temporality.CUMULATIVE).convert(snapshot));
    long epochNanos = snapshot.epochMillis() * 1_000_000L;

    Metric counter = metric(request, "demo.requests");
    assertEquals("{request}", counter.getUnit());
    assertEquals("Requests served.", counter.getDescription());
    assertTrue(counter.getSum().getIsMonotonic());
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, counter.getSum().getAggregationTemporality());
    NumberDataPoint point = counter.getSum().getDataPoints(0);
    assertEquals(3.0, point.getAsDouble());
    assertEquals(START_NANOS, point.getStartTimeUnixNano());
    assertEquals(epochNanos, point.getTimeUnixNano());
    assertEquals(orderedMap("http.request.method", "GET", "http.response.status_code", "200"),
        attributes(point.getAttributesList()));

    Metric upDown = metric(request, "demo.active");
    assertFalse(upDown.getSum().getIsMonotonic());
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, upDown.getSum().getAggregationTemporality());
    assertEquals(-2.0, upDown.getSum().getDataPoints(0).getAsDouble());
    assertEquals(0, upDown.getSum().getDataPoints(0).getAttributesCount());

    Metric gauge = metric(request, "demo.limit");
    assertEquals("By", gauge.getUnit());
    assertEquals("Memory limit.", gauge.getDescription());
    assertEquals(1024.0, gauge.getGauge().getDataPoints(0).getAsDouble());

    assertEquals(1, request.getResourceMetricsCount());
    assertEquals(Map.of("service.name", "orders", "process.pid", "42", "telemetry.sdk.name", "weft"),
        attributes(request.getResourceMetrics(0).getResource().getAttributesList()));
    ScopeMetrics scope = request.getResourceMetrics(0).getScopeMetrics(0);
    assertEquals("io.weft", scope.getScope().getName());
    assertEquals("1.2.3", scope.getScope().getVersion());
  }

  @Test
  void attributesKeepTheirTypesAndAbsentOnesAreLeftOut() {
    Counter requests = registry.counter("demo.requests")
        .attributes(io.weft.bootstrap.metrics.AttributeKey.string("http.request.method"),
            io.weft.bootstrap.metrics.AttributeKey.longKey("http.response.status_code"),
            io.weft.bootstrap.metrics.AttributeKey.booleanKey("demo.cached"),
            io.weft.bootstrap.metrics.AttributeKey.string("error.type"))
        .register();
    requests.bind(requests.values().set(0, "GET").set(1, 200).set(2, true)).inc();

    NumberDataPoint point = metric(encodeAndDecode(converter(Temporality.CUMULATIVE).convert(registry.collect())),
        "demo.requests").getSum().getDataPoints(0);

    assertEquals(List.of( // the SDK orders attributes by key
            KeyValue.newBuilder().setKey("demo.cached").setValue(AnyValue.newBuilder().setBoolValue(true)).build(),
            KeyValue.newBuilder().setKey("http.request.method")
                .setValue(AnyValue.newBuilder().setStringValue("GET")).build(),
            KeyValue.newBuilder().setKey("http.response.status_code")
                .setValue(AnyValue.newBuilder().setIntValue(200)).build()),
        point.getAttributesList());
  }

  @Test
  void cumulativeHistogramsCarryBoundariesCountsSumMinAndMax() {
    Histogram.Handle duration = registry.histogram("demo.duration").unit("s").description("Time taken.")
        .buckets(0.1, 1, 10).register().bind();
    duration.record(0.05);
    duration.record(0.5);
    duration.record(0.7);
    duration.record(20);

    ExportMetricsServiceRequest request =
        encodeAndDecode(converter(Temporality.CUMULATIVE).convert(registry.collect()));

    Metric histogram = metric(request, "demo.duration");
    assertEquals("s", histogram.getUnit());
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE,
        histogram.getHistogram().getAggregationTemporality());
    HistogramDataPoint point = histogram.getHistogram().getDataPoints(0);
    assertEquals(List.of(0.1, 1.0, 10.0), point.getExplicitBoundsList());
    assertEquals(List.of(1L, 2L, 0L, 1L), point.getBucketCountsList());
    assertEquals(4, point.getCount());
    assertEquals(21.25, point.getSum(), 1e-12);
    assertEquals(0.05, point.getMin());
    assertEquals(20.0, point.getMax());
  }

  @Test
  void anEmptyHistogramHasNoMinOrMax() {
    registry.histogram("demo.duration").unit("s").buckets(1).register().bind();

    HistogramDataPoint point = metric(encodeAndDecode(converter(Temporality.CUMULATIVE).convert(registry.collect())), "demo.duration").getHistogram().getDataPoints(0);

    assertEquals(0, point.getCount());
    assertFalse(point.hasMin());
    assertFalse(point.hasMax());
  }

  @Test
  void theOverflowSeriesCarriesTheBooleanOverflowAttribute() {
    Counter counter = registry.counter("demo.requests").attributeKeys("user").register();
    for (String user : List.of("a", "b", "c", "d", "e")) {
      counter.bind(user).inc();
    }

    Metric metric = metric(encodeAndDecode(converter(Temporality.CUMULATIVE).convert(registry.collect())),
        "demo.requests");

    NumberDataPoint overflow = metric.getSum().getDataPointsList().stream()
        .filter(p -> p.getAttributes(0).getKey().equals("otel.metric.overflow")).findFirst().orElseThrow();
    assertTrue(overflow.getAttributes(0).getValue().getBoolValue());
    assertEquals(2.0, overflow.getAsDouble());
  }

  @Test
  void deltasAreTheChangeSinceTheLastCommittedBatch() {
    Counter.Handle requests = registry.counter("demo.requests").register().bind();
    Histogram.Handle duration = registry.histogram("demo.duration").unit("s").buckets(1).register().bind();
    registry.upDownCounter("demo.active").register().bind().add(5);
    MetricDataConverter converter = converter(Temporality.DELTA);

    requests.add(3);
    duration.record(0.5);
    RegistrySnapshot first = registry.collect();
    MetricDataConverter.Batch firstBatch = converter.convert(first);
    converter.commit(firstBatch);
    requests.add(4);
    duration.record(2);
    duration.record(3);
    RegistrySnapshot second = new RegistrySnapshot(first.epochMillis() + 1000, registry.collect().metrics());
    ExportMetricsServiceRequest request = encodeAndDecode(converter.convert(second));

    NumberDataPoint counter = metric(request, "demo.requests").getSum().getDataPoints(0);
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA,
        metric(request, "demo.requests").getSum().getAggregationTemporality());
    assertEquals(4.0, counter.getAsDouble());
    assertEquals(first.epochMillis() * 1_000_000L, counter.getStartTimeUnixNano());
    assertEquals(second.epochMillis() * 1_000_000L, counter.getTimeUnixNano());

    Metric histogram = metric(request, "demo.duration");
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA, histogram.getHistogram().getAggregationTemporality());
    HistogramDataPoint point = histogram.getHistogram().getDataPoints(0);
    assertEquals(List.of(0L, 2L), point.getBucketCountsList());
    assertEquals(2, point.getCount());
    assertEquals(5.0, point.getSum(), 1e-12);
    assertFalse(point.hasMin(), "per-interval min is not known");
    assertFalse(point.hasMax(), "per-interval max is not known");

    Metric upDown = metric(request, "demo.active");
    assertEquals(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE, upDown.getSum().getAggregationTemporality());
    assertEquals(5.0, upDown.getSum().getDataPoints(0).getAsDouble());
  }

  @Test
  void theFirstDeltaOfASeriesIsItsWholeValueSinceTheStart() {
    registry.counter("demo.requests").register().bind().add(7);

    NumberDataPoint point = metric(encodeAndDecode(converter(Temporality.LOWMEMORY).convert(registry.collect())), "demo.requests").getSum().getDataPoints(0);

    assertEquals(7.0, point.getAsDouble());
    assertEquals(START_NANOS, point.getStartTimeUnixNano());
  }

  @Test
  void anUncommittedBatchMergesIntoTheNextDeltas() {
    Counter.Handle requests = registry.counter("demo.requests").register().bind();
    MetricDataConverter converter = converter(Temporality.DELTA);
    requests.add(1);
    RegistrySnapshot delivered = registry.collect();
    converter.commit(converter.convert(delivered));
    requests.add(2);
    converter.convert(registry.collect()); // not delivered: not committed
    requests.add(5);

    NumberDataPoint point = metric(encodeAndDecode(converter.convert(registry.collect())), "demo.requests")
        .getSum().getDataPoints(0);

    assertEquals(7.0, point.getAsDouble());
    assertEquals(delivered.epochMillis() * 1_000_000L, point.getStartTimeUnixNano());
  }

  @Test
  void aCounterThatWentDownStartedAgain() {
    MetricDescriptor descriptor = new MetricDescriptor("demo.restarts", MetricKind.COUNTER, "", "", List.of());
    MetricDataConverter converter = converter(Temporality.DELTA);
    converter.commit(converter.convert(snapshot(1_000, descriptor, 10)));

    NumberDataPoint point = metric(encodeAndDecode(converter.convert(snapshot(2_000, descriptor, 4))),
        "demo.restarts").getSum().getDataPoints(0);

    assertEquals(4.0, point.getAsDouble());
    assertEquals(1_000_000_000L, point.getStartTimeUnixNano());
  }

  @Test
  void aSeriesThatDisappearsIsForgotten() {
    MetricDescriptor descriptor = new MetricDescriptor("demo.restarts", MetricKind.COUNTER, "", "", List.of());
    MetricDataConverter converter = converter(Temporality.DELTA);
    converter.commit(converter.convert(snapshot(1_000, descriptor, 10)));
    converter.commit(converter.convert(new RegistrySnapshot(2_000, List.of())));

    NumberDataPoint point = metric(encodeAndDecode(converter.convert(snapshot(3_000, descriptor, 12))),
        "demo.restarts").getSum().getDataPoints(0);

    assertEquals(12.0, point.getAsDouble(), "counted from the start again, as a new series");
    assertEquals(START_NANOS, point.getStartTimeUnixNano());
  }

  @Test
  void cumulativeExportsKeepNoPerSeriesState() {
    Counter.Handle requests = registry.counter("demo.requests").register().bind();
    MetricDataConverter converter = converter(Temporality.CUMULATIVE);
    requests.add(2);
    converter.commit(converter.convert(registry.collect()));
    requests.add(3);

    NumberDataPoint point = metric(encodeAndDecode(converter.convert(registry.collect())), "demo.requests")
        .getSum().getDataPoints(0);

    assertEquals(5.0, point.getAsDouble());
    assertEquals(START_NANOS, point.getStartTimeUnixNano());
  }

  private static RegistrySnapshot snapshot(long epochMillis, MetricDescriptor descriptor, double value) {
    return new RegistrySnapshot(epochMillis,
        List.of(new MetricSnapshot(descriptor, List.of(new NumberPoint(Attributes.ofStrings(), value)))));
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
