package io.weft.agent.exporter.prometheus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversion cases the endpoint test's small registry does not reach. */
class PrometheusSnapshotsTest {

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final MetricRegistry registry = new MetricRegistry(false, 2);

  @BeforeEach
  void captureLog() {
    WeftLog.setOutput(new PrintStream(log, true, UTF_8));
  }

  @AfterEach
  void restoreLog() {
    WeftLog.setOutput(System.err);
  }

  private String text(Resource resource) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExpositionFormat.PROMETHEUS_TEXT.write(out,
        PrometheusSnapshots.convert(registry.collect(), resource, NameFilter.ALL));
    return out.toString(UTF_8);
  }

  @Test
  void theOverflowSeriesCarriesOnlyTheOverflowLabel() throws IOException {
    Counter tasks = registry.counter("app.tasks").attributeKeys("queue").register();
    tasks.bind("a").inc();
    tasks.bind("b").inc();
    tasks.bind("c").add(5);
    tasks.bind("d").add(2);
    log.reset();
    assertEquals("""
        # TYPE app_tasks_total counter
        app_tasks_total{otel_metric_overflow="true"} 7.0
        app_tasks_total{queue="a"} 1.0
        app_tasks_total{queue="b"} 1.0
        """, text(null));
  }

  @Test
  void collidingNamesKeepTheFirstMetricAndWarnOnce() throws IOException {
    registry.gaugeCallback("queue.size").register(cb -> cb.record(1));
    registry.gaugeCallback("queue_size").register(cb -> cb.record(2));
    registry.gaugeCallback("app.latency.count").register(cb -> cb.record(3));
    registry.histogram("app.latency").buckets(1).register().bind().record(0.5);
    assertEquals("""
        # TYPE app_latency_count gauge
        app_latency_count 3.0
        # TYPE queue_size gauge
        queue_size 1.0
        """, text(null));
    text(null);
    assertEquals("""
        [weft] WARN queue_size is left out of the Prometheus scrape: its name queue_size collides with queue.size
        [weft] WARN app.latency is left out of the Prometheus scrape: its name app_latency collides with app.latency.count
        """, log.toString(UTF_8));
  }

  @Test
  void aMetricNamedLikeTargetInfoYieldsToTheResource() throws IOException {
    registry.gaugeCallback("target.info").register(cb -> cb.record(5));
    assertEquals("""
        # HELP target_info Target metadata
        # TYPE target_info gauge
        target_info{service_name="svc"} 1
        """, text(new Resource(Map.of("service.name", "svc"))));
    assertEquals("[weft] WARN target.info is left out of the Prometheus scrape: its name target_info"
        + " collides with target_info\n", log.toString(UTF_8));
  }

  @Test
  void anEmptyResourceGivesNoTargetInfo() throws IOException {
    assertEquals("", text(new Resource(Map.of())));
  }

  @Test
  void resourceKeysThatCollideAreJoined() throws IOException {
    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    attributes.put("host.name", "h1");
    attributes.put("host_name", "h2");
    attributes.put("9zone", "eu\"west\"\n");
    assertEquals("""
        # HELP target_info Target metadata
        # TYPE target_info gauge
        target_info{host_name="h1;h2",key_9zone="eu\\"west\\"\\n"} 1
        """, text(new Resource(attributes)));
  }

  @Test
  void pointsClientJavaRejectsAreLeftOutAndTheRestIsServed() throws IOException {
    registry.counterCallback("app.refunds").attributeKeys("shop")
        .register(cb -> {
          cb.record(-1, "bad");
          cb.record(4, "good");
        });
    registry.histogram("app.size").attributeKeys("le").buckets(1).register().bind("x").record(2);
    registry.gaugeCallback("app.up").register(cb -> cb.record(1));
    assertEquals("""
        # TYPE app_refunds_total counter
        app_refunds_total{shop="good"} 4.0
        # TYPE app_up gauge
        app_up 1.0
        """, text(null));
    assertEquals("""
        [weft] WARN a data point of app.refunds cannot be exposed as a Prometheus COUNTER and is left out: \
        NumberPoint[attributes={shop=bad}, value=-1.0]
        [weft] WARN app.size is left out of the Prometheus scrape: le is a reserved label name for histograms
        """, log.toString(UTF_8));
  }
}
