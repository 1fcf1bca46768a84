package io.weft.agent.exporter.otlp;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.weft.bootstrap.log.WeftLog;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SDK's JDK {@code HttpClient} sender (which does the retries), plus one thing the SDK's exporter
 * does not do: it logs the receiver's {@code partial_success} on an otherwise successful answer.
 *
 * <p>{@link Loader} hands it to the SDK's exporter builder in place of a service-loader look-up, so the
 * sender is chosen explicitly and nothing on the application's class path is consulted.
 */
final class PartialSuccessSender implements HttpSender {
  private final HttpSender delegate;
  private final String endpoint;

  private PartialSuccessSender(HttpSender delegate, String endpoint) {
    this.delegate = delegate;
    this.endpoint = endpoint;
  }

  @Override
  public void send(MessageWriter writer, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    delegate.send(writer, response -> {
      report(response);
      onResponse.accept(response);
    }, onError);
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  private void report(HttpResponse response) {
    try {
      int status = response.getStatusCode();
      if (status < 200 || status >= 300) {
        return;
      }
      PartialSuccess partial = PartialSuccess.parse(response.getResponseBody());
      if (partial != null) {
        WeftLog.warnLimited("otlp-partial-success", "the OTLP receiver at " + endpoint + " accepted an export"
            + " only in part: " + partial.rejectedDataPoints() + " data points rejected"
            + (partial.errorMessage().isEmpty() ? "" : ": " + partial.errorMessage()));
      }
    } catch (Throwable t) {
      WeftLog.debug("reading the OTLP response failed: " + t);
    }
  }

  /** Gives the SDK this sender, and nothing else it might look for. */
  static final class Loader implements ComponentLoader, HttpSenderProvider {
    private final String endpoint;

    /** @param endpoint the receiver's URL as log lines show it */
    Loader(String endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public <T> Iterable<T> load(Class<T> type) {
      return type == HttpSenderProvider.class ? List.of(type.cast(this)) : List.of();
    }

    @Override
    public HttpSender createSender(HttpSenderConfig config) {
      return new PartialSuccessSender(new JdkHttpSenderProvider().createSender(config), endpoint);
    }
  }
}
