package io.weft.agent.exporter.prometheus.transport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its response on a connection of {@link BoundedHttpServer}, seen through the JDK's
 * {@link HttpExchange} so that a JDK {@code HttpHandler} serves it unchanged. Every response closes the
 * connection ({@code Connection: close}); the request body is never read ({@link #getRequestBody} is
 * empty). The configured extra headers are added to every response the handler did not set them on.
 */
final class SocketExchange extends HttpExchange {
  private final RequestHead request;
  private final OutputStream socketOut;
  private final InetSocketAddress remote;
  private final InetSocketAddress local;
  private final Map<String, String> extraHeaders;
  private final Headers responseHeaders = new Headers();
  private final Map<String, Object> attributes = new HashMap<>();
  private OutputStream body = OutputStream.nullOutputStream();
  private int responseCode = -1;

  SocketExchange(RequestHead request, OutputStream socketOut, InetSocketAddress remote, InetSocketAddress local,
      Map<String, String> extraHeaders) {
    this.request = request;
    this.socketOut = socketOut;
    this.remote = remote;
    this.local = local;
    this.extraHeaders = extraHeaders;
  }

  @Override
  public Headers getRequestHeaders() {
    return request.headers;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return request.uri;
  }

  @Override
  public String getRequestMethod() {
    return request.method;
  }

  @Override
  public HttpContext getHttpContext() {
    return null;
  }

  @Override
  public void close() {
    try {
      body.close();
      socketOut.flush();
    } catch (IOException ignored) {
      // The connection is closed by the server next either way.
    }
  }

  @Override
  public InputStream getRequestBody() {
    return new ByteArrayInputStream(new byte[0]);
  }

  @Override
  public OutputStream getResponseBody() {
    return body;
  }

  /**
   * As the JDK's: {@code length} -1 means no body, 0 a body of unknown length (sent until the
   * connection closes), more a body of exactly that many bytes.
   */
  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    if (responseCode != -1) {
      throw new IOException("headers already sent");
    }
    responseCode = code;
    boolean head = request.method.equals("HEAD");
    StringBuilder out = new StringBuilder(256);
    out.append("HTTP/1.1 ").append(code).append(' ').append(Responses.reason(code)).append("\r\n");
    for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
      for (String value : header.getValue()) {
        Responses.appendHeader(out, header.getKey(), value);
      }
    }
    for (Map.Entry<String, String> extra : extraHeaders.entrySet()) {
      if (!responseHeaders.containsKey(extra.getKey())) {
        Responses.appendHeader(out, extra.getKey(), extra.getValue());
      }
    }
    if (length > 0) {
      Responses.appendHeader(out, "Content-Length", Long.toString(length));
    } else if (length < 0 && !head) {
      Responses.appendHeader(out, "Content-Length", "0");
    }
    Responses.appendHeader(out, "Connection", "close");
    out.append("\r\n");
    socketOut.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    body = head || length < 0 ? OutputStream.nullOutputStream() : new UnclosingStream(socketOut);
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return remote;
  }

  @Override
  public int getResponseCode() {
    return responseCode;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return local;
  }

  @Override
  public String getProtocol() {
    return request.protocol;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    if (out != null) {
      body = out;
    }
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /** The handler closes the body; the socket stays open until the server closes it. */
  private static final class UnclosingStream extends java.io.FilterOutputStream {
    UnclosingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
