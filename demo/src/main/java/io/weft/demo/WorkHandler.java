package io.weft.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code GET /work}: runs a small computation on the work pool and answers with its result. */
final class WorkHandler implements HttpHandler {
  private final ThreadPoolExecutor pool;

  WorkHandler(ThreadPoolExecutor pool) {
    this.pool = pool;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Future<Long> result;
    try {
      result = pool.submit(WorkHandler::sumOfSquares);
    } catch (RejectedExecutionException e) {
      TextResponse.send(exchange, 503, "work pool is full");
      return;
    }
    try {
      TextResponse.send(exchange, 200, "work done: " + result.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for work", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("work failed", e);
    }
  }

  /** Sum of i*i for i below 100,000: 333,328,333,350,000. */
  private static long sumOfSquares() {
    long sum = 0;
    for (long i = 0; i < 100_000; i++) {
      sum += i * i;
    }
    return sum;
  }
}
