package io.weft.smoke.clients;

/**
 * Where one client's script sends its requests: its own port of the target server, a closed port,
 * and a host in {@code .invalid} (which never resolves, RFC 6761) named after the client.
 */
record Target(String client, int port, int closedPort) {

  /** {@code client:port:closedPort}, as the test passes it. */
  static Target parse(String spec) {
    String[] parts = spec.split(":");
    return new Target(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String closedPortUrl() {
    return "http://127.0.0.1:" + closedPort + "/ok";
  }

  String unknownHostUrl() {
    return "http://" + client + ".invalid:" + port + "/ok";
  }

  /** TLS to the plain-HTTP port: the handshake fails. */
  String tlsUrl() {
    return "https://127.0.0.1:" + port + "/ok";
  }
}
