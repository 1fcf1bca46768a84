package io.weft.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weft.bootstrap.snapshot.Attributes;
import io.weft.bootstrap.snapshot.NumberPoint;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A collector that bounds its own series sums the rest into the overflow series, as instruments do. */
class CollectorOverflowTest {

  private static final MetricDescriptor POOLS = new MetricDescriptor("test.pool.size", MetricKind.UP_DOWN_COUNTER,
      "{thread}", "", AttributeKey.strings("pool"));

  @Test
  void overflowPointsCarryOnlyTheOverflowAttribute() {
    MetricRegistry registry = MetricRegistry.pedantic();
    registry.register(new Collector() {
      @Override
      public List<MetricDescriptor> describe() {
        return List.of(POOLS);
      }

      @Override
      public void collect(Output out) {
        out.point(POOLS, 3, "a");
        out.overflowPoint(POOLS, 7);
      }
    });
    RegistrySnapshot snapshot = registry.collect();
    assertEquals(List.of(new NumberPoint(Attributes.ofStrings("pool", "a"), 3),
        new NumberPoint(Attributes.OVERFLOW, 7)), snapshot.metrics().get(0).points());
  }

  @Test
  void anUndescribedMetricIsRefusedInPedanticModeForOverflowPointsToo() {
    MetricRegistry registry = MetricRegistry.pedantic();
    MetricDescriptor other = new MetricDescriptor("test.other", MetricKind.GAUGE, "", "", List.of());
    registry.register(new Collector() {
      @Override
      public List<MetricDescriptor> describe() {
        return List.of(POOLS);
      }

      @Override
      public void collect(Output out) {
        out.overflowPoint(other, 1);
      }
    });
    RegistrySnapshot snapshot = registry.collect();
    assertEquals(List.of("weft.collection.errors"), snapshot.metrics().stream().map(m -> m.descriptor().name()).toList());
  }

  @Test
  void theSeriesLimitIsReadable() {
    assertEquals(MetricRegistry.DEFAULT_SERIES_LIMIT, new MetricRegistry().seriesLimit());
    assertEquals(7, new MetricRegistry(false, 7).seriesLimit());
  }

  @Test
  void outputsThatTakeNoOverflowPointsSaySo() {
    Collector.Output plain = (metric, value, values) -> {};
    assertThrows(UnsupportedOperationException.class, () -> plain.overflowPoint(POOLS, 1));
  }
}
