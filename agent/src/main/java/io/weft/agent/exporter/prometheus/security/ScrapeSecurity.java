package io.weft.agent.exporter.prometheus.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything that decides who may read the endpoint, loaded once at start: the allow-list
 * ({@code WEFT_PROMETHEUS_ALLOW}) and the web configuration file ({@code WEFT_PROMETHEUS_WEB_CONFIG_FILE}).
 *
 * <pre>{@code
 * ScrapeSecurity security = ScrapeSecurity.load(webConfigFile, allow);   // throws: serve nothing
 * security.tls()      // null: plain HTTP
 * security.users()    // null: no basic auth
 * }</pre>
 *
 * @param allow null: every address may connect
 * @param tls null: plain HTTP
 * @param users null: no basic auth
 * @param headers extra response headers from {@code http_server_config.headers}
 * @param warnings lines to log once; none of them weakens the configuration
 */
public record ScrapeSecurity(AllowList allow, TlsContext tls, BasicAuthUsers users, Map<String, String> headers,
    List<String> warnings) {

  public static final String WEB_CONFIG_KEY = "WEFT_PROMETHEUS_WEB_CONFIG_FILE";
  public static final String ALLOW_KEY = "WEFT_PROMETHEUS_ALLOW";

  /** Nothing asked for: plain HTTP, everyone. */
  public static final ScrapeSecurity NONE = new ScrapeSecurity(null, null, null, Map.of(), List.of());

  /**
   * Reads the settings (either may be null); throws with one line naming the setting, the file and the
   * key when something asked for cannot be set up.
   */
  public static ScrapeSecurity load(String webConfigFile, String allow) throws WebConfigException {
    AllowList allowList = null;
    if (allow != null && !allow.isBlank()) {
      try {
        allowList = AllowList.parse(allow);
      } catch (WebConfigException e) {
        throw new WebConfigException(ALLOW_KEY + ": " + e.getMessage(), e);
      }
    }
    if (webConfigFile == null || webConfigFile.isBlank()) {
      return new ScrapeSecurity(allowList, null, null, Map.of(), List.of());
    }
    try {
      WebConfig config = WebConfig.read(Path.of(webConfigFile));
      TlsContext tls = config.tls() == null ? null : TlsContext.load(config.tls());
      return new ScrapeSecurity(allowList, tls, config.users(), config.headers(), config.warnings());
    } catch (WebConfigException e) {
      throw new WebConfigException(WEB_CONFIG_KEY + "=" + webConfigFile + ": " + e.getMessage(), e);
    } catch (java.nio.file.InvalidPathException e) {
      throw new WebConfigException(WEB_CONFIG_KEY + "=" + webConfigFile + ": not a valid path", e);
    }
  }

  public boolean tlsOn() {
    return tls != null;
  }

  public boolean authOn() {
    return users != null;
  }
}
