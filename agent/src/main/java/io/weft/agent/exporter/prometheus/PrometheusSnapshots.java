package io.weft.agent.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.AttributeKey;
import io.weft.bootstrap.metrics.MetricDescriptor;
import io.weft.bootstrap.metrics.MetricKind;
import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.DataPoint;
import io.weft.bootstrap.snapshot.HistogramPoint;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts one Weft {@link RegistrySnapshot} (plus the resource, as {@code target_info}) into
 * client_java's {@link MetricSnapshots}, which client_java's writers then encode.
 *
 * <pre>{@code
 * MetricSnapshots snapshots = PrometheusSnapshots.convert(registry.collect(), resource, NameFilter.ALL);
 * PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
 * }</pre>
 *
 * <p>Names follow {@link PrometheusNames}; what client_java receives is already a valid legacy
 * Prometheus name, so its own escaping never changes anything. Counters are given their base name
 * (client_java appends {@code _total}), histograms their per-bucket counts (client_java writes them
 * cumulatively, ending with {@code +Inf}).
 *
 * <p>Two metrics whose Prometheus names would collide (say {@code a.b} and {@code a_b}, or a gauge
 * {@code x_count} next to a histogram {@code x}) cannot both be exposed without conflicting TYPE
 * lines, so the one collected first (registration order) wins and the other is left out with a
 * rate-limited warning. A metric or data point that client_java rejects (a histogram attribute
 * named {@code le}, a negative counter from a callback) is left out the same way; the rest of the
 * scrape is unaffected.
 *
 * <p>Cost: one client_java data point and one {@link Labels} per series; name translation once per
 * metric.
 */
final class PrometheusSnapshots {

  private static final PrometheusNames.Family TARGET_INFO =
      new PrometheusNames.Family("target", null, "target_info");
  private static final String TARGET_INFO_HELP = "Target metadata";

  private PrometheusSnapshots() {}

  static MetricSnapshots convert(RegistrySnapshot snapshot, Resource resource, NameFilter filter) {
    List<MetricSnapshot> out = new ArrayList<>(snapshot.metrics().size() + 1);
    Map<String, String> owners = new HashMap<>();
    if (resource != null && !resource.attributes().isEmpty()) {
      claim(owners, List.of(TARGET_INFO.baseName(), TARGET_INFO.exposedName()), "target_info");
      if (filter.matches(TARGET_INFO)) {
        out.add(targetInfo(resource));
      }
    }
    for (io.weft.bootstrap.snapshot.MetricSnapshot metric : snapshot.metrics()) {
      MetricDescriptor d = metric.descriptor();
      PrometheusNames.Family family = PrometheusNames.family(d.name(), d.kind(), d.unit());
      String owner = claim(owners, sampleNames(family, d.kind()), d.name());
      if (owner != null) {
        WeftLog.warnLimited("prometheus-name:" + d.name(), d.name() + " is left out of the Prometheus"
            + " scrape: its name " + family.exposedName() + " collides with " + owner);
        continue;
      }
      if (filter.matches(family)) {
        try {
          out.add(convert(metric, family));
        } catch (RuntimeException e) {
          WeftLog.warnLimited("prometheus-metric:" + d.name(),
              d.name() + " is left out of the Prometheus scrape: " + e.getMessage());
        }
      }
    }
    return new MetricSnapshots(out);
  }

  /** Every name a family writes, in either format. */
  private static List<String> sampleNames(PrometheusNames.Family family, MetricKind kind) {
    String base = family.baseName();
    return switch (kind) {
      case COUNTER -> List.of(base, family.exposedName());
      case HISTOGRAM -> List.of(base, base + "_bucket", base + "_count", base + "_sum");
      case GAUGE, UP_DOWN_COUNTER -> List.of(base);
    };
  }

  /** Claims the names for {@code owner}; returns the owner of the first one already taken, or null. */
  private static String claim(Map<String, String> owners, List<String> names, String owner) {
    for (String name : names) {
      String existing = owners.get(name);
      if (existing != null) {
        return existing;
      }
    }
    for (String name : names) {
      owners.put(name, owner);
    }
    return null;
  }

  private static MetricSnapshot convert(io.weft.bootstrap.snapshot.MetricSnapshot metric,
      PrometheusNames.Family family) {
    MetricDescriptor d = metric.descriptor();
    MetricMetadata metadata = new MetricMetadata(family.baseName(),
        d.description().isEmpty() ? null : d.description(),
        family.unit() == null ? null : new Unit(family.unit()));
    LabelMapping declared = LabelMapping.of(d.attributeKeys());
    List<DataPoint> points = metric.points();
    return switch (d.kind()) {
      case COUNTER -> {
        List<CounterDataPointSnapshot> data = new ArrayList<>(points.size());
        for (DataPoint p : points) {
          if (p instanceof NumberPoint n && n.value() >= 0) {
            data.add(CounterDataPointSnapshot.builder().value(n.value()).labels(labels(declared, p)).build());
          } else {
            skipped(d, p);
          }
        }
        yield new CounterSnapshot(metadata, data);
      }
      case GAUGE, UP_DOWN_COUNTER -> {
        List<GaugeDataPointSnapshot> data = new ArrayList<>(points.size());
        for (DataPoint p : points) {
          if (p instanceof NumberPoint n) {
            data.add(GaugeDataPointSnapshot.builder().value(n.value()).labels(labels(declared, p)).build());
          } else {
            skipped(d, p);
          }
        }
        yield new GaugeSnapshot(metadata, data);
      }
      case HISTOGRAM -> {
        List<HistogramDataPointSnapshot> data = new ArrayList<>(points.size());
        for (DataPoint p : points) {
          if (p instanceof HistogramPoint h) {
            data.add(HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(buckets(h))
                .sum(h.sum())
                .labels(labels(declared, p))
                .build());
          } else {
            skipped(d, p);
          }
        }
        yield new HistogramSnapshot(metadata, data);
      }
    };
  }

  /** The upper bounds with {@code +Inf} appended, and Weft's per-bucket counts as they are. */
  private static ClassicHistogramBuckets buckets(HistogramPoint h) {
    double[] bounds = h.bounds();
    double[] upperBounds = Arrays.copyOf(bounds, bounds.length + 1);
    upperBounds[bounds.length] = Double.POSITIVE_INFINITY;
    return ClassicHistogramBuckets.of(upperBounds, h.bucketCounts());
  }

  private static Labels labels(LabelMapping declared, DataPoint p) {
    Attributes attributes = p.attributes();
    // Points carry the declared keys, except the overflow series (otel.metric.overflow=true).
    LabelMapping mapping = declared.isFor(attributes.keys())
        ? declared
        : LabelMapping.of(attributes.keys().stream().map(AttributeKey::name).toList());
    return mapping.labels(attributes);
  }

  private static void skipped(MetricDescriptor d, DataPoint p) {
    WeftLog.warnLimited("prometheus-point:" + d.name(),
        "a data point of " + d.name() + " cannot be exposed as a Prometheus " + d.kind()
            + " and is left out: " + p);
  }

  private static MetricSnapshot targetInfo(Resource resource) {
    List<String> keys = new ArrayList<>(resource.attributes().keySet());
    Object[] values = resource.attributes().values().toArray();
    Labels labels = LabelMapping.of(keys).labels(new Attributes(AttributeKey.strings(keys.toArray(String[]::new)), values));
    MetricMetadata metadata = new MetricMetadata(TARGET_INFO.baseName(), TARGET_INFO_HELP);
    return new InfoSnapshot(metadata, List.of(InfoDataPointSnapshot.builder().labels(labels).build()));
  }
}
