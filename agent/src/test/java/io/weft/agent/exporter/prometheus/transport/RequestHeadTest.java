package io.weft.agent.exporter.prometheus.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadTest {

  @Test
  void aRequestIsReadUpToTheEmptyLineAndTheBodyIsLeftUnread() throws IOException {
    InputStream in = stream("GET /metrics?name[]=up HTTP/1.1\r\nHost: x\r\nAccept:  text/plain \r\n\r\nBODY");
    RequestHead head = RequestHead.read(in, 1024);
    assertEquals("GET", head.method);
    assertEquals("/metrics", head.uri.getRawPath());
    assertEquals("name[]=up", head.uri.getRawQuery());
    assertEquals("HTTP/1.1", head.protocol);
    assertEquals("text/plain", head.headers.getFirst("accept"));
    assertEquals("BODY", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
  }

  @Test
  void bareLineFeedsAndLeadingEmptyLinesAreAccepted() throws IOException {
    assertEquals("HEAD", RequestHead.read(stream("\r\nHEAD / HTTP/1.0\nHost: x\n\n"), 1024).method);
  }

  @Test
  void aHeadOverTheLimitIsTooLargeWithoutReadingFurther() throws IOException {
    String request = "GET / HTTP/1.1\r\nX: " + "a".repeat(1_000_000) + "\r\n\r\n";
    InputStream in = stream(request);
    assertThrows(RequestHead.TooLarge.class, () -> RequestHead.read(in, 1024));
    // One byte past the budget was read, nothing more: a megabyte of headers costs a bounded buffer.
    assertEquals(request.length() - 1025, in.available());
  }

  @Test
  void malformedHeadsAreRefused() {
    for (String bad : new String[] {"GET\r\n\r\n", "GET / HTTP/2.0\r\n\r\n", "GET / FOO\r\n\r\n",
        "G@T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\n folded: x\r\n\r\n",
        "GET /a b HTTP/1.1\r\n\r\n", "GET /<x> HTTP/1.1\r\n\r\n", "GET /\0 HTTP/1.1\r\n\r\n"}) {
      assertThrows(RequestHead.Malformed.class, () -> RequestHead.read(stream(bad), 1024), bad);
    }
  }

  @Test
  void aConnectionClosedMidHeadEnds() {
    assertThrows(EOFException.class, () -> RequestHead.read(stream("GET / HTTP/1.1\r\nHost"), 1024));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
