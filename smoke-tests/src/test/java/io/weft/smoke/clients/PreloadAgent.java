package io.weft.smoke.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * A Java agent listed before Weft's: it loads the JDK's http and https {@code HttpURLConnection}
 * classes (by creating connections it never connects), so that Weft must rewrite already loaded
 * classes, as in applications where something loads them early.
 */
public final class PreloadAgent {
  private PreloadAgent() {}

  public static void premain(String arguments) {
    try {
      URI.create("http://127.0.0.1/").toURL().openConnection();
      URI.create("https://127.0.0.1/").toURL().openConnection();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
