package io.weft.bootstrap.metrics;

import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.MetricSnapshot;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds metrics, rejects inconsistent definitions when they are registered, and collects everything
 * into one {@link RegistrySnapshot} per pass.
 *
 * <pre>{@code
 * MetricRegistry registry = new MetricRegistry();
 * Counter scrapes = registry.counter("weft.scrape.requests").unit("{request}")
 *     .attributeKeys("http.response.status_code").register();
 * registry.gaugeCallback("process.uptime").unit("s").register(cb -> cb.record(uptimeSeconds()));
 * registry.register(new MemoryCollector());
 * RegistrySnapshot snapshot = registry.collect();
 * }</pre>
 *
 * <p>Registering an identical definition again returns the existing instrument. A name already
 * registered with a different kind, unit, description, attribute keys or buckets is rejected with a
 * {@link RegistrationException} that shows both definitions.
 *
 * <p>A source (instrument, callback or collector) that throws during collection loses only its own
 * points for that pass; the failure is counted in {@code weft.collection.errors} and logged at most
 * once a minute per source. In pedantic mode (for tests), a collector that emits a metric it did not
 * describe is such a failure.
 */
public final class MetricRegistry {

  /** Series per metric before the overflow series takes over; the OpenTelemetry SDK's default. */
  public static final int DEFAULT_SERIES_LIMIT = 2000;

  private final boolean pedantic;
  private final int seriesLimit;
  private final boolean exponentialHistograms;
  private final Map<String, MetricSource> byName = new HashMap<>();
  private final List<MetricSource> sources = new ArrayList<>();
  private volatile MetricSource[] sourceArray = new MetricSource[0];
  private final Counter collectionErrors;

  public MetricRegistry() {
    this(false, DEFAULT_SERIES_LIMIT);
  }

  public MetricRegistry(boolean pedantic, int seriesLimit) {
    this(pedantic, seriesLimit, false);
  }

  /**
   * @param exponentialHistograms whether every histogram also records its observations in base-2
   *     exponential buckets ({@link HistogramPoint#exponential()}), for an exporter that sends OpenTelemetry
   *     exponential histograms. Fixed for the registry's life, so the recording path stays as cheap as
   *     without it when off.
   */
  public MetricRegistry(boolean pedantic, int seriesLimit, boolean exponentialHistograms) {
    this.pedantic = pedantic;
    this.seriesLimit = seriesLimit;
    this.exponentialHistograms = exponentialHistograms;
    this.collectionErrors =
        new Counter(
            new MetricDescriptor(
                "weft.collection.errors",
                MetricKind.COUNTER,
                "{error}",
                "Callbacks and collectors that failed during a collection pass.",
                AttributeKey.strings("weft.source")),
            seriesLimit);
    // Reserved by name, but collected after every other source so a failure shows in its own pass.
    byName.put(collectionErrors.descriptor().name(), collectionErrors);
  }

  /** Series per metric before new attribute combinations go to the overflow series. */
  public int seriesLimit() {
    return seriesLimit;
  }

  /** Whether histograms also record base-2 exponential buckets. */
  public boolean exponentialHistograms() {
    return exponentialHistograms;
  }

  /** A registry that also checks each collector's output against its description. */
  public static MetricRegistry pedantic() {
    return new MetricRegistry(true, DEFAULT_SERIES_LIMIT);
  }

  public MetricBuilder<Counter> counter(String name) {
    return new MetricBuilder<>(name, MetricKind.COUNTER, seriesLimit,
        b -> registerInstrument(new Counter(b.descriptor(), b.seriesLimit())));
  }

  public MetricBuilder<UpDownCounter> upDownCounter(String name) {
    return new MetricBuilder<>(name, MetricKind.UP_DOWN_COUNTER, seriesLimit,
        b -> registerInstrument(new UpDownCounter(b.descriptor(), b.seriesLimit())));
  }

  public MetricBuilder<Gauge> gauge(String name) {
    return new MetricBuilder<>(name, MetricKind.GAUGE, seriesLimit,
        b -> registerInstrument(new Gauge(b.descriptor(), b.seriesLimit())));
  }

  public MetricBuilder<Histogram> histogram(String name) {
    return new MetricBuilder<>(name, MetricKind.HISTOGRAM, seriesLimit,
        b -> registerInstrument(new Histogram(b.descriptor(), b.seriesLimit(), b.bucketsOrDefault(),
            exponentialHistograms)));
  }

  public MetricBuilder<Void> counterCallback(String name) {
    return callback(name, MetricKind.COUNTER);
  }

  public MetricBuilder<Void> upDownCounterCallback(String name) {
    return callback(name, MetricKind.UP_DOWN_COUNTER);
  }

  public MetricBuilder<Void> gaugeCallback(String name) {
    return callback(name, MetricKind.GAUGE);
  }

  private MetricBuilder<Void> callback(String name, MetricKind kind) {
    return new MetricBuilder<>(name, kind, seriesLimit, b -> {
      Consumer<Callback> function = b.callbackFunction();
      if (function == null) {
        throw new RegistrationException("callback metric " + name + " needs register(function)");
      }
      registerSource(new CallbackMetric(b.descriptor(), function));
      return null;
    });
  }

  /** Registers a collector whose emitted metrics are fixed by its {@link Collector#describe()}. */
  public void register(Collector collector) {
    registerSource(new CollectorSource(collector, true, pedantic));
  }

  /**
   * Registers a collector whose series cannot be known in advance. Its names are checked against
   * the others at collection instead: points under a name that another source owns are dropped and
   * counted as a collection error.
   */
  public void registerUnchecked(Collector collector) {
    registerSource(new CollectorSource(collector, false, pedantic));
  }

  /** Removes a collector; its metrics disappear from the next collection. */
  public synchronized void unregister(Collector collector) {
    sources.removeIf(s -> s instanceof CollectorSource c && c.owns(collector));
    byName.values().removeIf(s -> s instanceof CollectorSource c && c.owns(collector));
    sourceArray = sources.toArray(new MetricSource[0]);
  }

  private synchronized <I extends Instrument<?>> I registerInstrument(I instrument) {
    MetricSource existing = byName.get(instrument.descriptor().name());
    if (existing instanceof Instrument<?> other && other.sameDefinition(instrument)) {
      @SuppressWarnings("unchecked")
      I same = (I) other;
      return same;
    }
    if (existing != null) {
      throw conflict(instrument.definition(), existing, instrument.descriptor().name());
    }
    add(instrument);
    return instrument;
  }

  private synchronized void registerSource(MetricSource source) {
    for (MetricDescriptor d : source.describe()) {
      MetricSource existing = byName.get(d.name());
      if (existing != null) {
        throw conflict(d.describe(), existing, d.name());
      }
    }
    add(source);
  }

  private void add(MetricSource source) {
    for (MetricDescriptor d : source.describe()) {
      byName.put(d.name(), source);
    }
    sources.add(source);
    sourceArray = sources.toArray(new MetricSource[0]);
  }

  private static RegistrationException conflict(String requested, MetricSource existing, String name) {
    String registered = existing instanceof Instrument<?> i ? i.definition() : describeSource(existing, name);
    return new RegistrationException(
        "metric " + name + " is already registered with a different definition:\n  registered: "
            + registered + "\n  requested:  " + requested);
  }

  private static String describeSource(MetricSource source, String name) {
    for (MetricDescriptor d : source.describe()) {
      if (d.name().equals(name)) {
        return d.describe() + " (from " + source.sourceName() + ")";
      }
    }
    return source.sourceName();
  }

  /**
   * One collection pass: every source in registration order, one timestamp for the pass. Metrics
   * with no data points are left out. Safe to call from several exporters at once.
   */
  public RegistrySnapshot collect() {
    long epochMillis = System.currentTimeMillis();
    Map<String, MetricDescriptor> emittedBy = new HashMap<>();
    Map<MetricDescriptor, List<DataPoint>> points = new LinkedHashMap<>();
    Map<MetricDescriptor, Boolean> asynchronous = new HashMap<>();
    for (MetricSource source : sourceArray) {
      Map<MetricDescriptor, List<DataPoint>> own = new LinkedHashMap<>();
      try {
        source.collect((d, p) -> own.computeIfAbsent(d, k -> new ArrayList<>()).add(p));
        for (Map.Entry<MetricDescriptor, List<DataPoint>> e : own.entrySet()) {
          checkOwnership(source, e.getKey(), emittedBy);
        }
      } catch (Throwable t) {
        recordFailure(source, t);
        continue;
      }
      own.forEach((d, p) -> points.computeIfAbsent(d, k -> new ArrayList<>()).addAll(p));
      if (source.asynchronous()) {
        own.keySet().forEach(d -> asynchronous.put(d, Boolean.TRUE));
      }
    }
    collectionErrors.collect((d, p) -> points.computeIfAbsent(d, k -> new ArrayList<>()).add(p));
    List<MetricSnapshot> metrics = new ArrayList<>(points.size());
    points.forEach((d, p) -> metrics.add(new MetricSnapshot(d, p, asynchronous.containsKey(d))));
    return new RegistrySnapshot(epochMillis, metrics);
  }

  /** A name belongs to one source and one definition per pass. */
  private void checkOwnership(MetricSource source, MetricDescriptor d, Map<String, MetricDescriptor> emitted) {
    MetricSource owner;
    synchronized (this) {
      owner = byName.get(d.name());
    }
    if (owner != null && owner != source) {
      throw new IllegalStateException(
          source.sourceName() + " emitted " + d.name() + ", which belongs to " + owner.sourceName());
    }
    MetricDescriptor previous = emitted.putIfAbsent(d.name(), d);
    if (previous != null && !previous.equals(d)) {
      throw new IllegalStateException(
          source.sourceName() + " emitted " + d.describe() + ", conflicting with " + previous.describe());
    }
  }

  private void recordFailure(MetricSource source, Throwable t) {
    try {
      collectionErrors.bind(source.sourceName()).inc();
      WeftLog.warnLimited(
          "collect:" + source.sourceName(),
          "collecting " + source.sourceName() + " failed; its metrics are missing from this pass: " + t);
    } catch (Throwable ignored) {
      // Reporting a failure must never fail the pass.
    }
  }
}
