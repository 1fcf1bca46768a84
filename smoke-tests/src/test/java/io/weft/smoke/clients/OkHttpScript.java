package io.weft.smoke.clients;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OkHttp (compiled against 5, run against 4 too: only API both have): execute and enqueue, a call
 * cancelled before it ran, a call made from inside another call's interceptor, and HTTP/2 with prior
 * knowledge.
 */
final class OkHttpScript extends Script {

  OkHttpScript(Target target, PrintStream out) {
    super(target, out);
  }

  @Override
  void run() {
    OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(READ_TIMEOUT_MILLIS)).build();
    call("ok", () -> execute(client, target.url("/ok")));
    call("missing", () -> execute(client, target.url("/missing")));
    call("error", () -> execute(client, target.url("/error")));
    call("redirect", () -> execute(client, target.url("/redirect")));
    call("refused", () -> execute(client, target.closedPortUrl()));
    call("timeout", () -> execute(client, target.url("/slow")));
    call("unknown-host", () -> execute(client, target.unknownHostUrl()));
    call("tls", () -> execute(client, target.tlsUrl()));
    call("async", () -> enqueue(client.newCall(request(target.url("/ok")))).get());
    call("cancelled", () -> {
      // The dispatcher's only thread is busy until the call is cancelled: it never reaches the network.
      ExecutorService single = Executors.newSingleThreadExecutor();
      CountDownLatch cancelled = new CountDownLatch(1);
      single.execute(() -> {
        try {
          cancelled.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      try {
        Call call = client.newBuilder().dispatcher(new Dispatcher(single)).build().newCall(request(target.url("/ok")));
        CompletableFuture<Integer> status = enqueue(call);
        call.cancel();
        cancelled.countDown();
        return status.get();
      } finally {
        single.shutdown();
      }
    });
    call("nested", () -> {
      OkHttpClient intercepting = client.newBuilder().addInterceptor(chain -> {
        execute(client, target.url("/accepted"));
        return chain.proceed(chain.request());
      }).build();
      return execute(intercepting, target.url("/ok"));
    });
    call("http2", () -> {
      OkHttpClient h2 = client.newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
      try (Response r = h2.newCall(request(target.url("/ok"))).execute()) {
        r.body().string();
        if (r.protocol() != Protocol.H2_PRIOR_KNOWLEDGE) {
          throw new IllegalStateException("expected HTTP/2, got " + r.protocol());
        }
        return r.code();
      }
    });
  }

  private static Request request(String url) {
    return new Request.Builder().url(url).build();
  }

  private static int execute(OkHttpClient client, String url) throws IOException {
    try (Response r = client.newCall(request(url)).execute()) {
      r.body().string();
      return r.code();
    }
  }

  /** The status {@code onResponse} gets, or the exception {@code onFailure} gets. */
  private static CompletableFuture<Integer> enqueue(Call call) {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          response.body().string();
          status.complete(response.code());
        } catch (IOException | RuntimeException e) {
          status.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call c, IOException e) {
        status.completeExceptionally(e);
      }
    });
    return status;
  }
}
