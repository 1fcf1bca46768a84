package io.weft.instrumentations.semconv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class HttpAttributesTest {

  @Test
  void clientErrorTypeIsTheStatusFor4xxAnd5xxElseTheExceptionWhenNoResponseCame() {
    assertEquals("", HttpAttributes.clientErrorType(200, null));
    assertEquals("", HttpAttributes.clientErrorType(302, null));
    assertEquals("404", HttpAttributes.clientErrorType(404, null));
    assertEquals("500", HttpAttributes.clientErrorType(500, null));
    // A response came: its status rules, whatever the client threw for it (HttpURLConnection throws for 404).
    assertEquals("404", HttpAttributes.clientErrorType(404, new FileNotFoundException()));
    assertEquals("", HttpAttributes.clientErrorType(200, new IllegalStateException()));
    assertEquals("java.net.ConnectException", HttpAttributes.clientErrorType(-1, new ConnectException()));
    assertEquals("", HttpAttributes.clientErrorType(-1, null));
  }

  @Test
  void serverAddressIsTheHostWithoutIpv6Brackets() {
    assertEquals("example.com", HttpAttributes.serverAddress("example.com"));
    assertEquals("::1", HttpAttributes.serverAddress("[::1]"));
    assertEquals("", HttpAttributes.serverAddress(null));
    assertEquals("[", HttpAttributes.serverAddress("["));
  }

  @Test
  void serverPortFallsBackToTheSchemesDefault() {
    assertEquals(8080, HttpAttributes.serverPort(8080, "http"));
    assertEquals(80, HttpAttributes.serverPort(-1, "http"));
    assertEquals(443, HttpAttributes.serverPort(-1, "HTTPS"));
    assertEquals(443, HttpAttributes.serverPort(0, "wss"));
    assertEquals(-1, HttpAttributes.serverPort(-1, "ftp"));
    assertEquals(-1, HttpAttributes.serverPort(-1, null));
    assertEquals(65535, HttpAttributes.serverPort(65535, null));
    assertEquals(-1, HttpAttributes.serverPort(65536, "http"));
  }

  @Test
  void protocolVersionsFromAlpnNamesAndNumbers() {
    assertEquals("1.1", HttpAttributes.alpnProtocolVersion("http/1.1"));
    assertEquals("1.0", HttpAttributes.alpnProtocolVersion("http/1.0"));
    assertEquals("2", HttpAttributes.alpnProtocolVersion("h2"));
    assertEquals("2", HttpAttributes.alpnProtocolVersion("h2_prior_knowledge"));
    assertEquals("3", HttpAttributes.alpnProtocolVersion("h3"));
    assertEquals("", HttpAttributes.alpnProtocolVersion("spdy/3.1"));
    assertEquals("", HttpAttributes.alpnProtocolVersion(null));
    assertEquals("1.1", HttpAttributes.protocolVersion(1, 1));
    assertEquals("1.0", HttpAttributes.protocolVersion(1, 0));
    assertEquals("2", HttpAttributes.protocolVersion(2, 0));
    assertEquals("", HttpAttributes.protocolVersion(0, 9));
  }

  @Test
  void unknownMethodsAreOther() {
    assertEquals("GET", HttpAttributes.method("GET"));
    assertEquals("_OTHER", HttpAttributes.method("get"));
    assertEquals("_OTHER", HttpAttributes.method("PURGE"));
    assertEquals("_OTHER", HttpAttributes.method(null));
  }
}
