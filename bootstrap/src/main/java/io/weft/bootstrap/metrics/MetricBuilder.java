package io.weft.bootstrap.metrics;

import java.util.List;
import java.util.function.Consumer;

/**
 * Collects a metric's definition and registers it. Obtained from {@link MetricRegistry}; for
 * example {@code registry.counter("weft.scrape.requests").unit("{request}").register()}.
 *
 * @param <T> what {@link #register()} returns: an instrument, or {@code Void} for callback metrics,
 *     which register with {@link #register(Consumer)}
 */
public final class MetricBuilder<T> {

  /** Creates the instrument once the definition is complete. */
  interface Factory<T> {
    T register(MetricBuilder<T> definition);
  }

  private final String name;
  private final MetricKind kind;
  private final Factory<T> factory;
  private String unit = "";
  private String description = "";
  private List<AttributeKey> attributes = List.of();
  private double[] buckets;
  private int seriesLimit;

  MetricBuilder(String name, MetricKind kind, int defaultSeriesLimit, Factory<T> factory) {
    this.name = name;
    this.kind = kind;
    this.seriesLimit = defaultSeriesLimit;
    this.factory = factory;
  }

  /** UCUM unit: {@code s}, {@code By}, {@code {request}}, {@code 1}. */
  public MetricBuilder<T> unit(String unit) {
    this.unit = unit;
    return this;
  }

  public MetricBuilder<T> description(String description) {
    this.description = description;
    return this;
  }

  /** Required string attributes, in the order {@code bind} takes their values. */
  public MetricBuilder<T> attributeKeys(String... keys) {
    this.attributes = AttributeKey.strings(keys);
    return this;
  }

  /** The attributes a data point may carry, typed, in the order {@code bind} takes their values. */
  public MetricBuilder<T> attributes(AttributeKey... keys) {
    this.attributes = List.of(keys);
    return this;
  }

  /** Bucket upper bounds for a histogram ({@code +Inf} is implied). */
  public MetricBuilder<T> buckets(double... bounds) {
    if (kind != MetricKind.HISTOGRAM) {
      throw new RegistrationException(name + " is a " + kind + "; only histograms have buckets");
    }
    this.buckets = bounds.clone();
    return this;
  }

  /** How many attribute combinations before new ones go to the overflow series. */
  public MetricBuilder<T> seriesLimit(int limit) {
    if (limit < 1) {
      throw new RegistrationException(name + ": series limit must be at least 1, got " + limit);
    }
    this.seriesLimit = limit;
    return this;
  }

  /** Registers a synchronous instrument, or returns the existing one with the same definition. */
  public T register() {
    return factory.register(this);
  }

  /** Registers a callback metric whose function runs at each collection. */
  public void register(Consumer<Callback> function) {
    callbackFunction = function;
    factory.register(this);
  }

  private Consumer<Callback> callbackFunction;

  MetricDescriptor descriptor() {
    return new MetricDescriptor(name, kind, unit, description, attributes);
  }

  double[] bucketsOrDefault() {
    return buckets != null ? buckets : Buckets.DEFAULT;
  }

  int seriesLimit() {
    return seriesLimit;
  }

  Consumer<Callback> callbackFunction() {
    return callbackFunction;
  }
}
