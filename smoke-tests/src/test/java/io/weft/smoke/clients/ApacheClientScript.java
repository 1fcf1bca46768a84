package io.weft.smoke.clients;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5, classic API; also through an application's own client wrapping the library's. */
final class ApacheClientScript extends Script {

  ApacheClientScript(Target target, PrintStream out) {
    super(target, out);
  }

  @Override
  void run() throws IOException {
    RequestConfig config = RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(READ_TIMEOUT_MILLIS))
        .build();
    try (CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(config).build()) {
      call("ok", () -> get(client, target.url("/ok")));
      call("missing", () -> get(client, target.url("/missing")));
      call("error", () -> get(client, target.url("/error")));
      call("redirect", () -> get(client, target.url("/redirect")));
      call("refused", () -> get(client, target.closedPortUrl()));
      call("timeout", () -> get(client, target.url("/slow")));
      call("unknown-host", () -> get(client, target.unknownHostUrl()));
      call("tls", () -> get(client, target.tlsUrl()));
      call("response-open", () -> {
        // No target: doExecute takes the host from the request.
        try (ClassicHttpResponse r = client.executeOpen(null, new HttpGet(target.url("/accepted")), null)) {
          EntityUtils.consume(r.getEntity());
          return r.getCode();
        }
      });
      call("wrapped", () -> get(new Wrapper(client), target.url("/ok")));
    }
  }

  private static int get(CloseableHttpClient client, String url) throws IOException {
    return client.execute(new HttpGet(url), response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
  }

  /** An application's client that adds nothing but delegation: measured once, not twice. */
  private static final class Wrapper extends CloseableHttpClient {
    private final CloseableHttpClient delegate;

    Wrapper(CloseableHttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context)
        throws IOException {
      return delegate.execute(target, request, context);
    }

    @Override
    public void close() {}

    @Override
    public void close(CloseMode closeMode) {}
  }
}
