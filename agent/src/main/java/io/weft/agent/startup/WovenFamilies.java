package io.weft.agent.startup;

import io.weft.agent.config.Config;
import io.weft.agent.config.ConfigKey;
import io.weft.agent.config.ConfigKeys;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.executor.ExecutorFamily;
import io.weft.instrumentations.hikaricp.HikariCpFamily;
import io.weft.instrumentations.httpclient.HttpClientFamily;
import io.weft.instrumentations.httpserver.HttpServerFamily;
import io.weft.instrumentations.httpserver.HttpServerSettings;
import io.weft.instrumentations.jdbc.JdbcFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import io.weft.instrumentations.weaving.Weaving;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The instrumentation families the agent knows, each with the setting that switches it, and their
 * installation: instruments registered and the transformer added in {@code premain} (cheap), classes
 * loaded before that rewritten later on the init thread.
 */
final class WovenFamilies {

  /** A family's switch, and how to make the family from the rest of its settings. */
  record Entry(ConfigKey<Boolean> enabled, Function<Config, InstrumentationFamily> family) {
    /** A family that takes no settings beyond its switch. */
    Entry(ConfigKey<Boolean> enabled, InstrumentationFamily family) {
      this(enabled, config -> family);
    }
  }

  static final List<Entry> ALL = List.of(
      new Entry(ConfigKeys.INSTRUMENTATION_HTTP_SERVER_ENABLED, config -> new HttpServerFamily(new HttpServerSettings(
          config.get(ConfigKeys.HTTP_SERVER_ROUTES), config.get(ConfigKeys.INSTRUMENTATION_HTTP_SERVER_BODY_SIZE_ENABLED)))),
      new Entry(ConfigKeys.INSTRUMENTATION_EXECUTORS_ENABLED, new ExecutorFamily()),
      new Entry(ConfigKeys.INSTRUMENTATION_HTTP_CLIENT_ENABLED, new HttpClientFamily()),
      new Entry(ConfigKeys.INSTRUMENTATION_JDBC_ENABLED, new JdbcFamily()),
      new Entry(ConfigKeys.INSTRUMENTATION_HIKARICP_ENABLED, new HikariCpFamily()));

  private final List<String> names;
  private final List<InstrumentationFamily> installed;
  private final MetricRegistry registry;
  private final Weaving weaving;

  private WovenFamilies(List<String> names, List<InstrumentationFamily> installed, MetricRegistry registry,
      Weaving weaving) {
    this.names = names;
    this.installed = installed;
    this.registry = registry;
    this.weaving = weaving;
  }

  /** Installs the enabled families; a family that fails to install is off, with one error line. */
  static WovenFamilies install(Instrumentation instrumentation, Config config, MetricRegistry registry) {
    List<String> names = new ArrayList<>();
    List<InstrumentationFamily> installed = new ArrayList<>();
    List<TypeInstrumentation> types = new ArrayList<>();
    for (Entry e : ALL) {
      if (!config.get(e.enabled())) {
        continue;
      }
      InstrumentationFamily family = null;
      try {
        family = e.family().apply(config);
        types.addAll(family.install(registry));
        names.add(family.name());
        installed.add(family);
      } catch (Throwable t) {
        String name = family != null ? family.name() : e.enabled().name();
        WeftLog.error("the " + name + " instrumentation failed to install and is off: " + t);
      }
    }
    Weaving weaving = null;
    if (instrumentation != null && !types.isEmpty()) {
      try {
        weaving = Weaving.install(instrumentation, types);
      } catch (Throwable t) {
        WeftLog.error("class instrumentation failed to install and is off: " + t);
        names.clear();
        installed.clear();
      }
    }
    return new WovenFamilies(names, installed, registry, weaving);
  }

  /**
   * Rewrites matching classes that were loaded before the agent, then registers the families'
   * collectors; run off the application's thread, before anything collects.
   */
  void retransformLoadedClasses() {
    if (weaving != null) {
      weaving.retransformLoadedClasses();
    }
    for (InstrumentationFamily family : installed) {
      try {
        family.installCollectors(registry);
      } catch (Throwable t) {
        WeftLog.error("the " + family.name() + " instrumentation's collectors failed to register: " + t);
      }
    }
  }

  /** The installed families' names, as the start-up line lists them. */
  List<String> names() {
    return names;
  }
}
