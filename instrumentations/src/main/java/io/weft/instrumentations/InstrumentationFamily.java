package io.weft.instrumentations;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.List;

/**
 * A family of instrumentations that users switch on and off as one
 * ({@code WEFT_INSTRUMENTATION_<NAME>_ENABLED}): its instruments and the types it rewrites.
 */
public interface InstrumentationFamily {

  /** The dotted name users type, e.g. {@code http.server} for {@code WEFT_INSTRUMENTATION_HTTP_SERVER_ENABLED}. */
  String name();

  /** Registers the family's instruments and returns the type instrumentations that feed them. */
  List<TypeInstrumentation> install(MetricRegistry registry);

  /**
   * Registers the family's collectors, if it has any. Called once on the agent's init thread, after
   * {@link #install} and before anything collects: a collector's registration costs a cold JVM
   * some class loading (record hashing), which stays off {@code premain} this way.
   */
  default void installCollectors(MetricRegistry registry) {}
}
