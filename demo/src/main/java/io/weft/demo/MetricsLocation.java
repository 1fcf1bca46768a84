package io.weft.demo;

/**
 * Where the agent serves metrics, worked out from the same settings the agent reads (system
 * property first, then environment), for the demo's start-up line only.
 */
final class MetricsLocation {
  private static final String DEFAULT_HOST = "127.0.0.1";
  private static final int DEFAULT_PORT = 9464;

  private MetricsLocation() {}

  static String describe() {
    if (!DemoService.agentAttached()) {
      return "none (start with -javaagent:agent/target/weft-agent.jar)";
    }
    String host = setting("weft.prometheus.host", "WEFT_PROMETHEUS_HOST");
    String port = setting("weft.prometheus.port", "WEFT_PROMETHEUS_PORT");
    int portNumber = DEFAULT_PORT;
    if (port != null) {
      try {
        portNumber = Integer.parseInt(port.strip());
      } catch (NumberFormatException e) {
        portNumber = 0;
      }
    }
    if (portNumber <= 0 || portNumber > 65535) {
      return "see the agent's [weft] start-up line on stderr";
    }
    return "http://" + (host == null ? DEFAULT_HOST : host.strip()) + ":" + portNumber + "/metrics";
  }

  private static String setting(String property, String variable) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(variable);
  }
}
