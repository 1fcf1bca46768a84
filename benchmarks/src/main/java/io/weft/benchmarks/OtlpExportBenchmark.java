package io.weft.benchmarks;

import io.weft.agent.exporter.otlp.MetricDataConverter;
import io.weft.agent.exporter.otlp.Temporality;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.metrics.Buckets;
import io.weft.bootstrap.metrics.Counter;
import io.weft.bootstrap.metrics.Gauge;
import io.weft.bootstrap.metrics.Histogram;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One OTLP export of 1,000 series, without the network: 400 counter series, 400 histogram series (HTTP
 * buckets, 14 bounds) and 200 gauge series. {@code convert} turns a collected snapshot into the SDK's
 * MetricData; {@code convertAndEncode} also writes the protobuf request body exactly as the SDK's
 * OTLP/HTTP exporter does (its {@code MetricsRequestMarshaler}, before compression, into a reused buffer);
 * {@code collectConvertEncodeDelta} adds the collection pass and delta bookkeeping. Single-threaded, as
 * the exporter's one thread is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class OtlpExportBenchmark {

  private MetricRegistry registry;
  private RegistrySnapshot snapshot;
  private MetricDataConverter cumulative;
  private MetricDataConverter delta;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(256 * 1024);

  @Setup
  public void setUp() {
    registry = new MetricRegistry();
    Counter requests = registry.counter("bench.requests").unit("{request}").description("Requests.")
        .attributeKeys("http.request.method", "http.route", "http.response.status_code").register();
    Histogram duration = registry.histogram("bench.duration").unit("s").description("Durations.")
        .buckets(Buckets.HTTP_SECONDS).attributeKeys("http.request.method", "http.route", "http.response.status_code")
        .register();
    for (int s = 0; s < 400; s++) {
      String method = s % 2 == 0 ? "GET" : "POST";
      String route = "/route/" + (s / 20);
      String status = Integer.toString(200 + s % 10);
      requests.bind(method, route, status).add(s);
      duration.bind(method, route, status).record(s / 1000.0);
    }
    Gauge pools = registry.gauge("bench.pool.size").unit("{thread}").description("Pool sizes.")
        .attributeKeys("pool.name").register();
    for (int s = 0; s < 200; s++) {
      pools.bind("pool-" + s).set(s);
    }
    Resource resource = new Resource(Map.of("service.name", "bench", "telemetry.sdk.name", "weft",
        "telemetry.sdk.language", "java", "telemetry.sdk.version", "0.1.0", "host.name", "bench-host"));
    cumulative = MetricDataConverter.of(resource, "0.1.0", Temporality.CUMULATIVE);
    delta = MetricDataConverter.of(resource, "0.1.0", Temporality.DELTA);
    snapshot = registry.collect();
  }

  @Benchmark
  public MetricDataConverter.Batch convert() {
    return cumulative.convert(snapshot);
  }

  @Benchmark
  public int convertAndEncode() throws IOException {
    return encode(cumulative.convert(snapshot));
  }

  @Benchmark
  public int collectConvertEncodeDelta() throws IOException {
    MetricDataConverter.Batch batch = delta.convert(registry.collect());
    int bytes = encode(batch);
    delta.commit(batch);
    return bytes;
  }

  private int encode(MetricDataConverter.Batch batch) throws IOException {
    body.reset();
    return batch.writeRequestTo(body);
  }
}
