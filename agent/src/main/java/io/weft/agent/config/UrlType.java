package io.weft.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An absolute {@code http} or {@code https} URL with a host, such as {@code http://collector:4318};
 * kept as written (the caller decides whether a path is appended).
 */
final class UrlType implements ValueType<String> {
  static final UrlType INSTANCE = new UrlType();

  private UrlType() {}

  @Override
  public String parse(String text) throws InvalidValueException {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidValueException("the scheme must be http or https");
    }
    if (uri.getHost() == null) {
      throw new InvalidValueException("no host");
    }
    return text;
  }

  @Override
  public String accepted() {
    return "an http:// or https:// URL";
  }
}
