package io.weft.smoke.clients;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code HttpURLConnection}, reaching each response through a different mix of {@code connect},
 * {@code getOutputStream}, {@code getInputStream}, {@code getResponseCode} and header getters.
 */
final class UrlConnectionScript extends Script {

  UrlConnectionScript(Target target, PrintStream out) {
    super(target, out);
  }

  @Override
  void run() {
    call("ok", () -> {
      HttpURLConnection c = open(target.url("/ok"));
      int status = c.getResponseCode();
      try (InputStream in = c.getInputStream()) {
        in.readAllBytes();
      }
      c.getHeaderField("Content-Type");
      c.getResponseCode();
      return status;
    });
    call("missing", () -> {
      HttpURLConnection c = open(target.url("/missing"));
      try {
        c.getInputStream();
      } catch (FileNotFoundException expected) {
        // 404 is thrown as FileNotFoundException; the status is still there
      }
      return c.getResponseCode();
    });
    call("error", () -> open(target.url("/error")).getResponseCode());
    call("redirect", () -> open(target.url("/redirect")).getResponseCode());
    call("post", () -> {
      HttpURLConnection c = open(target.url("/ok"));
      c.setDoOutput(true);
      c.connect();
      try (OutputStream body = c.getOutputStream()) {
        body.write("hello".getBytes(StandardCharsets.UTF_8));
      }
      return c.getResponseCode();
    });
    call("refused", () -> open(target.closedPortUrl()).getResponseCode());
    call("timeout", () -> {
      HttpURLConnection c = open(target.url("/slow"));
      c.setReadTimeout(READ_TIMEOUT_MILLIS);
      return c.getResponseCode();
    });
    call("unknown-host", () -> open(target.unknownHostUrl()).getResponseCode());
    call("tls", () -> open(target.tlsUrl()).getResponseCode());
  }

  private static HttpURLConnection open(String url) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(30_000);
    c.setReadTimeout(30_000);
    return c;
  }
}
