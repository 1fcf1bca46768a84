package io.weft.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written by hand on its own connection, for what {@code HttpClient} will not
 * send (unknown methods) or would retry (a GET whose connection the server closes).
 */
public final class RawHttp {
  private RawHttp() {}

  /** Sends the request line (plus Host and Connection: close) and returns all the server sent before closing. */
  public static String exchange(int port, String requestLine) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      s.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(requestLine + " to port " + port + " failed", e);
    }
  }

  /** The status code of the response to the request line. */
  public static int status(int port, String requestLine) {
    String response = exchange(port, requestLine);
    String statusLine = response.split("\r\n", 2)[0];
    String[] parts = statusLine.split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new AssertionError("not an HTTP response to " + requestLine + ": " + response);
    }
    return Integer.parseInt(parts[1]);
  }
}
