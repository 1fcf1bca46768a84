package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Compares a collected value with an independent reading taken in the same test. Live values move,
 * so the independent source is read before and after the collection: when both readings agree the
 * collected value must equal them exactly; a value that never holds still for long enough must at
 * least lie between them.
 */
public final class Readings {
  private Readings() {}

  private static final int ATTEMPTS = 200;

  public static void assertAgrees(String what, DoubleSupplier independent, MetricRegistry registry,
      ToDoubleFunction<RegistrySnapshot> collected) {
    double before = 0;
    double value = 0;
    double after = 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      before = independent.getAsDouble();
      value = collected.applyAsDouble(registry.collect());
      after = independent.getAsDouble();
      if (before == after) {
        assertEquals(before, value, what + ": collected vs independent reading");
        return;
      }
    }
    double low = Math.min(before, after);
    double high = Math.max(before, after);
    assertTrue(low <= value && value <= high,
        what + ": collected " + value + " is not between the readings " + before + " and " + after);
  }
}
