package io.weft.instrumentations.httpclient;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.List;

/** HTTP client metrics for java.net.http, HttpURLConnection, Apache HttpClient 5 and OkHttp. */
public final class HttpClientFamily implements InstrumentationFamily {

  @Override
  public String name() {
    return "http.client";
  }

  @Override
  public List<TypeInstrumentation> install(MetricRegistry registry) {
    HttpClientMetrics.install(registry);
    return List.of(new JdkHttpClientInstrumentation(), new UrlConnectionInstrumentation(),
        new ApacheHttpClientInstrumentation(), new OkHttpInstrumentation());
  }
}
