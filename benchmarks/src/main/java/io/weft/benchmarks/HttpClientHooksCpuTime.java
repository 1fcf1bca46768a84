package io.weft.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operations of {@link HttpClientHooksBenchmark} timed by the thread's CPU clock (see {@link
 * CpuTimePerCall}).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.weft.benchmarks.HttpClientHooksCpuTime}
 */
public final class HttpClientHooksCpuTime {

  private HttpClientHooksCpuTime() {}

  public static void main(String[] args) throws Exception {
    HttpClientHooksBenchmark b = new HttpClientHooksBenchmark();
    b.setUp();
    Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
    operations.put("jdkSend", () -> {
      b.jdkSend();
      return null;
    });
    operations.put("jdkSendAsync", b::jdkSendAsync);
    operations.put("jdkSendAsyncBaseline", b::jdkSendAsyncBaseline);
    operations.put("urlConnection", b::urlConnection);
    operations.put("urlConnectionBaseline", b::urlConnectionBaseline);
    operations.put("apacheDoExecute", () -> {
      b.apacheDoExecute();
      return null;
    });
    operations.put("okHttpChain", () -> {
      b.okHttpChain();
      return null;
    });
    CpuTimePerCall.print(operations);
  }
}
