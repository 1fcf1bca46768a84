package io.weft.agent.startup;

import io.weft.agent.config.Config;
import io.weft.agent.config.ConfigKey;
import io.weft.agent.config.ConfigKeys;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.hikaricp.HikariCpFamily;
import io.weft.instrumentations.httpserver.HttpServerFamily;
import io.weft.instrumentations.jdbc.JdbcFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import io.weft.instrumentations.weaving.Weaving;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * The instrumentation families the agent knows, each with the setting that switches it, and their
 * installation: instruments registered and the transformer added in {@code premain} (cheap), classes
 * loaded before that rewritten later on the init thread.
 */
final class WovenFamilies {

  /** A family and its switch. */
  record Entry(ConfigKey<Boolean> enabled, InstrumentationFamily family) {}

  static final List<Entry> ALL = List.of(
      new Entry(ConfigKeys.INSTRUMENTATION_HTTP_SERVER_ENABLED, new HttpServerFamily()),
      new Entry(ConfigKeys.INSTRUMENTATION_JDBC_ENABLED, new JdbcFamily()),
      new Entry(ConfigKeys.INSTRUMENTATION_HIKARICP_ENABLED, new HikariCpFamily()));

  private final List<String> names;
  private final Weaving weaving;

  private WovenFamilies(List<String> names, Weaving weaving) {
    this.names = names;
    this.weaving = weaving;
  }

  /** Installs the enabled families; a family that fails to install is off, with one error line. */
  static WovenFamilies install(Instrumentation instrumentation, Config config, MetricRegistry registry) {
    List<String> names = new ArrayList<>();
    List<TypeInstrumentation> types = new ArrayList<>();
    for (Entry e : ALL) {
      if (!config.get(e.enabled())) {
        continue;
      }
      try {
        types.addAll(e.family().install(registry));
        names.add(e.family().name());
      } catch (Throwable t) {
        WeftLog.error("the " + e.family().name() + " instrumentation failed to install and is off: " + t);
      }
    }
    Weaving weaving = null;
    if (instrumentation != null && !types.isEmpty()) {
      try {
        weaving = Weaving.install(instrumentation, types);
      } catch (Throwable t) {
        WeftLog.error("class instrumentation failed to install and is off: " + t);
        names.clear();
      }
    }
    return new WovenFamilies(names, weaving);
  }

  /** Rewrites matching classes that were loaded before the agent; run off the application's thread. */
  void retransformLoadedClasses() {
    if (weaving != null) {
      weaving.retransformLoadedClasses();
    }
  }

  /** The installed families' names, as the start-up line lists them. */
  List<String> names() {
    return names;
  }
}
