package io.weft.agent.exporter.prometheus.security;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code tls_server_config} of the web configuration file, paths already resolved against the file's
 * folder (as exporter-toolkit resolves them).
 *
 * @param protocols JDK protocol names from {@code min_version} to {@code max_version}
 * @param cipherSuites JDK (IANA) names, empty for the JDK's defaults
 * @param namedGroups JDK names for {@code curve_preferences}, empty for the JDK's defaults
 * @param clientAllowedSans empty: any client certificate the client auth type accepts
 */
record TlsSettings(
    Path certFile,
    Path keyFile,
    ClientAuthType clientAuth,
    Path clientCaFile,
    List<String> protocols,
    List<String> cipherSuites,
    List<String> namedGroups,
    boolean preferServerCipherSuites,
    List<String> clientAllowedSans) {}
