package io.weft.agent.exporter.prometheus.security;

/**
 * The five {@code client_auth_type} values of the Prometheus web configuration, with Go's meaning:
 * whether a client certificate is asked for, whether one is required, and whether it must chain to
 * {@code client_ca_file}.
 */
public enum ClientAuthType {
  NoClientCert(false, false, false),
  RequestClientCert(true, false, false),
  RequireAnyClientCert(true, true, false),
  VerifyClientCertIfGiven(true, false, true),
  RequireAndVerifyClientCert(true, true, true);

  final boolean asks;
  final boolean requires;
  final boolean verifies;

  ClientAuthType(boolean asks, boolean requires, boolean verifies) {
    this.asks = asks;
    this.requires = requires;
    this.verifies = verifies;
  }

  /** The value by its name; {@code RequireClientCert} is the old spelling of RequireAnyClientCert. */
  static ClientAuthType named(String name) {
    if (name.isEmpty()) {
      return NoClientCert;
    }
    if (name.equals("RequireClientCert")) {
      return RequireAnyClientCert;
    }
    for (ClientAuthType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }
}
