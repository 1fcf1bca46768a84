package io.weft.agent.exporter.prometheus.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The Prometheus web configuration file ({@code --web.config.file} of Prometheus, the Pushgateway and
 * the exporters), read with the same meaning:
 *
 * <pre>{@code
 * tls_server_config:
 *   cert_file: server.crt           # relative paths are relative to this file
 *   key_file: server.key
 *   client_auth_type: RequireAndVerifyClientCert
 *   client_ca_file: ca.crt
 *   min_version: TLS12
 * http_server_config:
 *   headers:
 *     Strict-Transport-Security: max-age=31536000
 * basic_auth_users:
 *   prometheus: $2y$10$...          # htpasswd -nBC 10 prometheus
 * }</pre>
 *
 * <p>As in exporter-toolkit, unknown keys are errors (its YAML is read strictly), TLS is on when any of
 * cert_file, key_file, client_ca_file or client_auth_type is set, and only the headers exporter-toolkit
 * allows may be set. Keys of newer exporter-toolkit versions that Weft does not implement are refused
 * with a line that says so, except {@code http2}, which changes nothing about who may read the metrics:
 * it gets a warning line and Weft serves HTTP/1.1.
 *
 * @param tls null when TLS is off
 * @param users null when basic auth is off
 * @param warnings lines to log; none of them weakens what the file asks for
 */
public record WebConfig(Path file, TlsSettings tls, Map<String, String> headers, BasicAuthUsers users,
    List<String> warnings) {

  /** The headers exporter-toolkit lets a file set, with the values it allows (empty: any value). */
  private static final Map<String, List<String>> SETTABLE_HEADERS = Map.of(
      "Strict-Transport-Security", List.of(),
      "X-Content-Type-Options", List.of("nosniff"),
      "X-Frame-Options", List.of("deny", "sameorigin"),
      "X-XSS-Protection", List.of(),
      "Content-Security-Policy", List.of());
  private static final Map<String, String> VERSIONS = Map.of(
      "TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");
  private static final List<String> VERSION_ORDER = List.of("TLS10", "TLS11", "TLS12", "TLS13");
  private static final Map<String, String> CURVES = Map.of(
      "CurveP256", "secp256r1", "CurveP384", "secp384r1", "CurveP521", "secp521r1", "X25519", "x25519");
  private static final Set<String> TOP_KEYS = Set.of("tls_server_config", "http_server_config", "basic_auth_users");
  private static final Set<String> TLS_KEYS = Set.of("cert_file", "key_file", "client_auth_type", "client_ca_file",
      "min_version", "max_version", "cipher_suites", "curve_preferences", "prefer_server_cipher_suites",
      "client_allowed_sans");
  private static final Set<String> HTTP_KEYS = Set.of("http2", "headers");
  /** Keys of newer exporter-toolkit versions; refused because ignoring them could weaken the file's intent. */
  private static final Map<String, String> REFUSED = Map.of(
      "rate_limit", "Weft has no request rate limiter; remove it (Weft bounds connections and workers itself)",
      "tls_server_config.cert", "Weft reads certificates from files only; use cert_file",
      "tls_server_config.key", "Weft reads keys from files only; use key_file",
      "tls_server_config.client_ca", "Weft reads client CAs from files only; use client_ca_file");

  public boolean tlsOn() {
    return tls != null;
  }

  public boolean authOn() {
    return users != null;
  }

  /** Reads and checks the file (not the certificate files; {@link TlsContext#load} does). */
  public static WebConfig read(Path file) throws WebConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new WebConfigException("no such file");
    } catch (IOException e) {
      throw new WebConfigException("cannot be read: " + e.getMessage());
    }
    Object document;
    try {
      document = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new WebConfigException("not valid YAML: " + e.getMessage().replace('\n', ' '));
    }
    return new Reader(file).read(document);
  }

  /** One read of one file; errors name the file and the dotted key. */
  private static final class Reader {
    private final Path file;
    private final Path folder;
    private final List<String> warnings = new ArrayList<>();

    Reader(Path file) {
      this.file = file;
      Path parent = file.toAbsolutePath().getParent();
      this.folder = parent == null ? Path.of(".") : parent;
    }

    WebConfig read(Object document) throws WebConfigException {
      if (document == null) {
        return new WebConfig(file, null, Map.of(), null, List.of());
      }
      Map<String, Object> top = map(document, "the top level");
      TlsSettings tls = tls(map(top.get("tls_server_config"), "tls_server_config"));
      Map<String, Object> http = map(top.get("http_server_config"), "http_server_config");
      checkKeys(top, TOP_KEYS, "");
      checkKeys(http, HTTP_KEYS, "http_server_config.");
      if (http.containsKey("http2")) {
        bool(http, "http2", "http_server_config.http2", true);
        warnings.add(file + ": http_server_config.http2: Weft serves HTTP/1.1 only; the setting has no effect");
      }
      Map<String, String> headers = headers(map(http.get("headers"), "http_server_config.headers"));
      BasicAuthUsers users = users(map(top.get("basic_auth_users"), "basic_auth_users"));
      return new WebConfig(file, tls, headers, users, List.copyOf(warnings));
    }

    private TlsSettings tls(Map<String, Object> tls) throws WebConfigException {
      checkKeys(tls, TLS_KEYS, "tls_server_config.");
      String cert = string(tls, "cert_file");
      String key = string(tls, "key_file");
      String clientCa = string(tls, "client_ca_file");
      String clientAuthName = string(tls, "client_auth_type");
      if (cert.isEmpty() && key.isEmpty() && clientCa.isEmpty() && clientAuthName.isEmpty()) {
        for (String other : tls.keySet()) {
          // exporter-toolkit would serve plain HTTP here; a TLS setting without TLS is surely a mistake.
          throw error("tls_server_config." + other, "is set but TLS is off (no cert_file or key_file)");
        }
        return null;
      }
      if (cert.isEmpty()) {
        throw error("tls_server_config.cert_file", "missing: TLS needs cert_file and key_file");
      }
      if (key.isEmpty()) {
        throw error("tls_server_config.key_file", "missing: TLS needs cert_file and key_file");
      }
      ClientAuthType clientAuth = ClientAuthType.named(clientAuthName);
      if (clientAuth == null) {
        throw error("tls_server_config.client_auth_type", "\"" + clientAuthName + "\" is not one of NoClientCert,"
            + " RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert");
      }
      if (!clientCa.isEmpty() && clientAuth == ClientAuthType.NoClientCert) {
        throw error("tls_server_config.client_ca_file", "is set but client_auth_type is NoClientCert (client CAs"
            + " without a client auth policy)");
      }
      if (clientCa.isEmpty() && clientAuth.verifies) {
        throw error("tls_server_config.client_ca_file", "missing: client_auth_type " + clientAuth
            + " verifies client certificates against it");
      }
      List<String> protocols = protocols(string(tls, "min_version"), string(tls, "max_version"));
      List<String> allowedSans = strings(tls, "client_allowed_sans");
      if (!allowedSans.isEmpty() && !clientAuth.requires) {
        throw error("tls_server_config.client_allowed_sans", "needs client_auth_type RequireAnyClientCert or"
            + " RequireAndVerifyClientCert");
      }
      return new TlsSettings(folder.resolve(cert), folder.resolve(key), clientAuth,
          clientCa.isEmpty() ? null : folder.resolve(clientCa), protocols, strings(tls, "cipher_suites"),
          curves(strings(tls, "curve_preferences")),
          bool(tls, "prefer_server_cipher_suites", "tls_server_config.prefer_server_cipher_suites", true),
          allowedSans);
    }

    private List<String> protocols(String min, String max) throws WebConfigException {
      int from = version(min.isEmpty() ? "TLS12" : min, "min_version");
      int to = version(max.isEmpty() ? "TLS13" : max, "max_version");
      if (from > to) {
        throw error("tls_server_config.min_version", min + " is above max_version " + max);
      }
      List<String> protocols = new ArrayList<>();
      for (int i = from; i <= to; i++) {
        protocols.add(VERSIONS.get(VERSION_ORDER.get(i)));
      }
      return protocols;
    }

    private int version(String name, String key) throws WebConfigException {
      int index = VERSION_ORDER.indexOf(name);
      if (index < 0) {
        throw error("tls_server_config." + key, "\"" + name + "\" is not one of TLS10, TLS11, TLS12, TLS13");
      }
      return index;
    }

    private List<String> curves(List<String> names) throws WebConfigException {
      List<String> groups = new ArrayList<>();
      for (String name : names) {
        String group = CURVES.get(name);
        if (group == null) {
          throw error("tls_server_config.curve_preferences", "\"" + name + "\" is not one of CurveP256, CurveP384,"
              + " CurveP521, X25519");
        }
        groups.add(group);
      }
      if (!groups.isEmpty() && !TlsContext.namedGroupsSupported()) {
        warnings.add(file + ": tls_server_config.curve_preferences: this Java runtime (before 20) cannot set the"
            + " groups of one server; its default groups are used");
        return List.of();
      }
      return groups;
    }

    private Map<String, String> headers(Map<String, Object> headers) throws WebConfigException {
      Map<String, String> checked = new LinkedHashMap<>();
      for (Map.Entry<String, Object> header : headers.entrySet()) {
        String key = "http_server_config.headers." + header.getKey();
        List<String> allowed = SETTABLE_HEADERS.get(header.getKey());
        if (allowed == null) {
          throw error(key, "this header cannot be configured (allowed: " + String.join(", ",
              new java.util.TreeSet<>(SETTABLE_HEADERS.keySet())) + ")");
        }
        if (!(header.getValue() instanceof String value)) {
          throw error(key, "the value must be text");
        }
        if (!allowed.isEmpty() && !allowed.contains(value)) {
          throw error(key, "\"" + value + "\" is not one of " + allowed);
        }
        checked.put(header.getKey(), value);
      }
      return Map.copyOf(checked);
    }

    private BasicAuthUsers users(Map<String, Object> users) throws WebConfigException {
      if (users.isEmpty()) {
        return null;
      }
      Map<String, String> hashes = new LinkedHashMap<>();
      int highestCost = 0;
      for (Map.Entry<String, Object> user : users.entrySet()) {
        String key = "basic_auth_users." + user.getKey();
        if (!(user.getValue() instanceof String hash)) {
          throw error(key, "the value must be a bcrypt hash (htpasswd -nBC 10 " + user.getKey() + ")");
        }
        int cost = BasicAuthUsers.cost(hash);
        if (cost < 0) {
          throw error(key, "not a bcrypt hash ($2y$, $2b$ or $2a$, 60 characters; make one with htpasswd -nBC 10 "
              + user.getKey() + ")");
        }
        highestCost = Math.max(highestCost, cost);
        hashes.put(user.getKey(), hash);
      }
      return new BasicAuthUsers(hashes, highestCost);
    }

    private void checkKeys(Map<String, Object> map, Set<String> known, String prefix) throws WebConfigException {
      for (String key : map.keySet()) {
        String dotted = prefix + key;
        String refused = REFUSED.get(dotted);
        if (refused != null) {
          throw error(dotted, "not supported: " + refused);
        }
        if (!known.contains(key)) {
          throw error(dotted, "unknown key (known here: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
      }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String key) throws WebConfigException {
      if (value == null) {
        return Map.of();
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw error(key, "must be a map");
      }
      for (Object name : map.keySet()) {
        if (!(name instanceof String)) {
          throw error(key, "the key " + name + " is not text");
        }
      }
      return (Map<String, Object>) map;
    }

    private String string(Map<String, Object> map, String key) throws WebConfigException {
      Object value = map.get(key);
      if (value == null) {
        return "";
      }
      if (!(value instanceof String text)) {
        throw error("tls_server_config." + key, "must be text");
      }
      return text;
    }

    private List<String> strings(Map<String, Object> map, String key) throws WebConfigException {
      Object value = map.get(key);
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw error("tls_server_config." + key, "must be a list");
      }
      List<String> texts = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String text)) {
          throw error("tls_server_config." + key, "every entry must be text");
        }
        texts.add(text);
      }
      return List.copyOf(texts);
    }

    private boolean bool(Map<String, Object> map, String key, String dotted, boolean absent)
        throws WebConfigException {
      Object value = map.get(key);
      if (value == null) {
        return absent;
      }
      if (!(value instanceof Boolean flag)) {
        throw error(dotted, "must be true or false");
      }
      return flag;
    }

    private WebConfigException error(String key, String problem) {
      return new WebConfigException(key + ": " + problem);
    }
  }
}
