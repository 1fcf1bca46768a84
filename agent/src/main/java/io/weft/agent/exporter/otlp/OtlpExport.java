package io.weft.agent.exporter.otlp;

import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.metrics.MetricRegistry;
import java.net.URI;

/**
 * Pushes one registry to an OTLP receiver over http/protobuf, through the OpenTelemetry SDK's exporter
 * (relocated inside the agent jar).
 *
 * <pre>{@code
 * OtlpExport export = OtlpExport.start(registry, resource, OtlpSettings.from(config), version, exitFlush);
 * if (export != null) {      // null: one error line was logged, the application runs on
 *   ... export.endpoint() ...
 * }
 * }</pre>
 *
 * <p>Starting builds the SDK exporter and starts the {@value ExportLoop#THREAD_NAME} daemon thread; the
 * {@link OtlpExitFlush} hook, registered earlier, then exports once more at JVM exit.
 *
 * <p>This class names no SDK type, so that the agent can refer to it without loading the SDK: SDK
 * classes load only when the {@code otlp} exporter is configured. It checks for the
 * {@code java.net.http} module before any class that needs it is loaded.
 */
public final class OtlpExport {
  private final String endpoint;

  private OtlpExport(String endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Starts exporting every interval, and at exit through {@code exitFlush}. Never throws: on any
   * failure it logs one error line and returns null.
   *
   * @param version the agent's version for the instrumentation scope, or null
   * @param exitFlush the shutdown hook registered at start-up, or null for no export at exit
   */
  public static OtlpExport start(MetricRegistry registry, Resource resource, OtlpSettings settings,
      String version, OtlpExitFlush exitFlush) {
    String endpoint = printable(settings.endpoint());
    ExportLoop loop = null;
    try {
      for (String warning : settings.warnings()) {
        WeftLog.warn(warning);
      }
      for (String module : new String[] {"java.net.http", "java.logging"}) {
        if (ModuleLayer.boot().findModule(module).isEmpty()) {
          fail(endpoint, "this Java runtime has no " + module + " module (add it with --add-modules " + module
              + ", or to the jlink image)");
          return null;
        }
      }
      long startNanos = System.nanoTime();
      loop = SdkExporter.loop(registry, resource, settings, version, endpoint);
      loop.start();
      if (WeftLog.isEnabled(WeftLog.Level.DEBUG)) {
        long tenths = (System.nanoTime() - startNanos) / 100_000;
        WeftLog.debug("the OTLP exporter took " + tenths / 10 + "." + tenths % 10 + " ms to build");
      }
      return new OtlpExport(endpoint);
    } catch (Throwable t) {
      loop = null;
      fail(endpoint, t.getMessage() == null ? t.toString() : t.getMessage());
      return null;
    } finally {
      if (exitFlush != null) {
        if (loop != null) {
          exitFlush.started(loop);
        } else {
          exitFlush.notStarted();
        }
      }
    }
  }

  /** The URL metrics are posted to, without any user:password part. */
  public String endpoint() {
    return endpoint;
  }

  /** The URL with any credentials in it removed, for log lines. */
  public static String printable(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getRawUserInfo() == null) {
        return url;
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null)
          .toString();
    } catch (Exception e) {
      return url;
    }
  }

  private static void fail(String endpoint, String reason) {
    WeftLog.error("cannot export metrics over OTLP to " + endpoint + ": " + reason + "; the OTLP exporter is off");
  }
}
