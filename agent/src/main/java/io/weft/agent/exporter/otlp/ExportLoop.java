package io.weft.agent.exporter.otlp;

import io.weft.bootstrap.context.AgentThread;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.weft.bootstrap.log.WeftLog;
import io.weft.bootstrap.snapshot.RegistrySnapshot;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The OTLP exporter's own daemon thread, {@value #THREAD_NAME}: every interval it collects the registry,
 * converts the snapshot and hands it to the SDK's exporter, then waits for the answer at most the export
 * timeout. Application threads never export; the exit flush ({@link #flushAtExit}) runs on the JVM's
 * shutdown-hook thread.
 *
 * <p>At most one export is unanswered at a time, so memory stays bounded however long the receiver is
 * away: while one is in flight (the SDK's sender retries 429, 502, 503, 504 and failed connections with
 * backoff, honouring {@code Retry-After}, within the OTLP timeout), the next tick is skipped. An export
 * that failed in a way worth retrying is not committed, so the next one carries its data too (the next
 * cumulative snapshot contains it; the next deltas are computed from the last delivered values). Other
 * answers (400, 401, 404, 413, 500, ...) are not retried: their data is dropped. Every problem is one
 * rate-limited line; the first success after a problem says so once.
 */
final class ExportLoop implements Runnable {
  static final String THREAD_NAME = "weft-otlp";

  private final Supplier<RegistrySnapshot> collect;
  private final MetricDataConverter converter;
  private final MetricExporter exporter;
  private final String endpoint;
  private final long intervalNanos;
  private final long exportTimeoutNanos;

  private final Object lock = new Object();
  /** The latest export not yet settled; guarded by {@link #lock}. */
  private Export pending;
  /** Whether the latest settled export failed; guarded by {@link #lock}. */
  private boolean failing;
  private volatile boolean stopped;
  private volatile Thread thread;

  /**
   * @param collect one collection pass, normally {@code registry::collect}
   * @param endpoint the receiver's URL as log lines show it
   */
  ExportLoop(Supplier<RegistrySnapshot> collect, MetricDataConverter converter, MetricExporter exporter,
      String endpoint, long intervalNanos, long exportTimeoutNanos) {
    this.collect = collect;
    this.converter = converter;
    this.exporter = exporter;
    this.endpoint = endpoint;
    this.intervalNanos = intervalNanos;
    this.exportTimeoutNanos = exportTimeoutNanos;
  }

  /** Starts the daemon thread; the first export runs one interval from now. */
  void start() {
    Thread started = new AgentThread(this, THREAD_NAME);
    started.setDaemon(true);
    thread = started;
    started.start();
  }

  @Override
  public void run() {
    long next = System.nanoTime() + intervalNanos;
    while (!stopped) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
        continue;
      }
      try {
        exportNow(exportTimeoutNanos);
      } catch (Throwable t) {
        WeftLog.warnLimited("otlp-export", "an OTLP export failed: " + t);
      }
      next += intervalNanos;
      long now = System.nanoTime();
      if (next - now <= 0) {
        // The export ran past the next tick: skip ticks rather than export back to back.
        next = now + intervalNanos;
      }
    }
  }

  /**
   * Collects and exports now, and waits for the answer at most {@code timeoutNanos}; does nothing when
   * the previous export is still unanswered. Returns whether the receiver took this export in time.
   */
  boolean exportNow(long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    Export export = startUnlessBusy();
    if (export == null) {
      WeftLog.debug("the previous OTLP export to " + endpoint + " is still unanswered; skipping this one");
      return false;
    }
    return await(export, deadline);
  }

  /**
   * The exit flush: stops the loop, waits for an unanswered export, then exports once more; all of it
   * within {@code timeoutNanos}, after which it returns whatever the receiver does.
   *
   * @param configuredNanos the configured shutdown timeout, as the log line names it
   */
  void flushAtExit(long timeoutNanos, long configuredNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    stopped = true;
    Thread loop = thread;
    if (loop != null) {
      LockSupport.unpark(loop);
    }
    // The SDK exporter is not shut down: on Java 21 and later that closes its HttpClient, which waits for
    // requests in flight, however long an unresponsive receiver holds them. The JVM is ending anyway.
    Export earlier;
    synchronized (lock) {
      earlier = pending;
    }
    if (earlier != null) {
      // Deltas sent again would be counted twice: let the unanswered one finish first.
      await(earlier, deadline);
    }
    Export last = null;
    if (deadline - System.nanoTime() > 0) {
      last = startUnlessBusy();
      if (last == null) {
        synchronized (lock) {
          last = pending; // The loop started one meanwhile: it is as recent as ours would be.
        }
      }
    }
    if (last != null && await(last, deadline)) {
      return;
    }
    if (last != null && last.result.isDone()) {
      WeftLog.warn("the last OTLP export at exit to " + endpoint + " failed (the reason is logged above); the"
          + " metrics since the previous export are lost");
    } else {
      WeftLog.warn("the last OTLP export at exit did not reach " + endpoint + " within WEFT_SHUTDOWN_TIMEOUT ("
          + TimeUnit.NANOSECONDS.toMillis(configuredNanos) + " ms); the metrics since the previous export are lost");
    }
  }

  /** A new export, or null while the previous one is unanswered. */
  private Export startUnlessBusy() {
    synchronized (lock) {
      if (pending != null) {
        if (!pending.result.isDone()) {
          return null;
        }
        settle(pending);
      }
      MetricDataConverter.Batch batch = converter.convert(collect.get());
      pending = new Export(batch, exporter.export(batch.metrics()));
      return pending;
    }
  }

  /** Waits until the deadline at most; settles the export if it is answered. Returns whether it succeeded. */
  private boolean await(Export export, long deadline) {
    export.result.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    synchronized (lock) {
      if (pending == export && export.result.isDone()) {
        settle(export);
      }
    }
    return export.result.isSuccess();
  }

  /** Commits or keeps the export's batch, and says what happened; under {@link #lock}. */
  private void settle(Export export) {
    pending = null;
    CompletableResultCode result = export.result;
    if (result.isSuccess()) {
      converter.commit(export.batch);
      if (failing) {
        failing = false;
        WeftLog.info("OTLP export to " + endpoint + " works again");
      }
      return;
    }
    failing = true;
    Throwable failure = result.getFailureThrowable();
    HttpResponse response = failure instanceof FailedExportException.HttpExportException http ? http.getResponse() : null;
    if (response != null && !isRetryable(response.getStatusCode())) {
      converter.commit(export.batch);
      int points = export.batch.points();
      WeftLog.warnLimited("otlp-rejected", "the OTLP receiver at " + endpoint + " rejected an export with HTTP "
          + response.getStatusCode() + "; its " + points + (points == 1 ? " data point is" : " data points are")
          + " dropped (not retried)");
    } else if (response != null) {
      WeftLog.warnLimited("otlp-retry", "the OTLP receiver at " + endpoint + " still answered HTTP "
          + response.getStatusCode() + " after retries; the data is sent again with the next export");
    } else {
      WeftLog.warnLimited("otlp-unreachable", "cannot export metrics to the OTLP receiver at " + endpoint + ": "
          + describe(failure) + "; the data is sent again with the next export");
    }
  }

  /** The answers the OTLP specification says to retry. */
  static boolean isRetryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure;
    // The SDK wraps the sender's IOException; the innermost wrapper-free exception says what happened.
    while (cause != null && cause.getCause() != null && cause.getCause() != cause
        && (cause instanceof FailedExportException
            || cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException
            || cause instanceof java.io.UncheckedIOException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      return "no answer";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  /** One export: the batch it carries and the SDK's result for it. */
  private record Export(MetricDataConverter.Batch batch, CompletableResultCode result) {}
}
