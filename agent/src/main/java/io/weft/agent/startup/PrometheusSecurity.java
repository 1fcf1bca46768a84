package io.weft.agent.startup;

import io.weft.agent.config.Config;
import io.weft.agent.config.ConfigKeys;
import io.weft.agent.exporter.prometheus.PrometheusEndpoint;
import io.weft.agent.exporter.prometheus.filesd.FileSdTarget;
import io.weft.agent.exporter.prometheus.security.ScrapeSecurity;
import io.weft.agent.exporter.prometheus.security.WebConfigException;
import io.weft.agent.resource.Resource;
import io.weft.bootstrap.log.WeftLog;
import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The start-up steps around the scrape endpoint that concern who can reach it: loading the web
 * configuration and allow-list (secure by default: a problem means no endpoint at all), the warning for
 * an open endpoint, and the file_sd target file.
 */
final class PrometheusSecurity {
  private PrometheusSecurity() {}

  /** The security settings, or null after one error line when something asked for cannot be set up. */
  static ScrapeSecurity load(Config config) {
    try {
      ScrapeSecurity security = ScrapeSecurity.load(config.get(ConfigKeys.PROMETHEUS_WEB_CONFIG_FILE),
          config.get(ConfigKeys.PROMETHEUS_ALLOW));
      security.warnings().forEach(WeftLog::warn);
      return security;
    } catch (WebConfigException e) {
      WeftLog.error(e.getMessage() + "; the Prometheus endpoint serves nothing (it does not fall back to plain"
          + " HTTP or to no access control)");
      return null;
    } catch (RuntimeException e) {
      WeftLog.error(ScrapeSecurity.WEB_CONFIG_KEY + ": the web configuration could not be loaded: " + e
          + "; the Prometheus endpoint serves nothing");
      return null;
    }
  }

  /** One warning when the endpoint is reachable from other machines with neither TLS nor basic auth. */
  static void warnIfOpen(String host, int port, ScrapeSecurity security) {
    if (security.tlsOn() || security.authOn() || isLoopback(host)) {
      return;
    }
    WeftLog.warn("the Prometheus endpoint on " + StartupLine.hostPort(host, port) + " is reachable from other"
        + " machines with neither TLS nor authentication" + (security.allow() == null ? "" : " (only the allow-list)")
        + ": set WEFT_PROMETHEUS_WEB_CONFIG_FILE to a web configuration with tls_server_config and"
        + " basic_auth_users, or bind to loopback with WEFT_PROMETHEUS_HOST=127.0.0.1 (docs/security.md)");
  }

  /** Writes the file_sd target file when WEFT_PROMETHEUS_FILE_SD_DIR is set. */
  static void publishFileSd(Config config, Resource resource, PrometheusEndpoint endpoint, ScrapeSecurity security) {
    String folder = config.get(ConfigKeys.PROMETHEUS_FILE_SD_DIR);
    if (folder == null || folder.isBlank()) {
      return;
    }
    String service = orElse(resource.get("service.name"), "unknown_service:java");
    String instance = orElse(resource.get("service.instance.id"), Long.toString(ProcessHandle.current().pid()));
    String job = orElse(config.get(ConfigKeys.PROMETHEUS_FILE_SD_JOB), service);
    String hostName = orElse(resource.get("host.name"), "");
    try {
      FileSdTarget.publish(Path.of(folder), service, instance, job, endpoint.address(), security.tlsOn(), hostName);
    } catch (InvalidPathException e) {
      WeftLog.error("WEFT_PROMETHEUS_FILE_SD_DIR: \"" + folder + "\" is not a valid path; no file_sd target file");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
