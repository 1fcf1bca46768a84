package io.weft.agent.exporter.otlp;

import io.weft.bootstrap.context.AgentThread;
import io.weft.bootstrap.log.WeftLog;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The OTLP exporter's shutdown hook, registered at start-up before the exporter exists: a JVM that ends
 * while the agent's init thread is still building the exporter (a short job on a busy machine) still
 * gets its last export, since the hook waits for the exporter, within the same bound as the export.
 *
 * <pre>{@code
 * OtlpExitFlush exit = OtlpExitFlush.register(Duration.ofSeconds(5)); // in premain: cheap, no SDK class
 * ... later, on the init thread ...
 * OtlpExport.start(registry, resource, settings, version, exit);      // tells exit what to flush
 * }</pre>
 *
 * <p>Names no SDK type, so registering it loads none.
 */
public final class OtlpExitFlush implements Runnable {
  static final String THREAD_NAME = "weft-otlp-exit";

  private final long timeoutNanos;
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile ExportLoop loop;

  private OtlpExitFlush(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /** Registers the hook; null when the JVM is already exiting. */
  public static OtlpExitFlush register(Duration timeout) {
    OtlpExitFlush flush = new OtlpExitFlush(timeout.toNanos());
    try {
      Runtime.getRuntime().addShutdownHook(new AgentThread(flush, THREAD_NAME));
      return flush;
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** The exporter is running: at exit, flush it. */
  void started(ExportLoop started) {
    loop = started;
    settled.countDown();
  }

  /** The exporter did not start: at exit, there is nothing to do. */
  void notStarted() {
    settled.countDown();
  }

  @Override
  public void run() {
    try {
      long deadline = System.nanoTime() + timeoutNanos;
      if (timeoutNanos <= 0) {
        return;
      }
      if (!settled.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
        WeftLog.warn("the OTLP exporter was still starting when the JVM ended; nothing was exported within"
            + " WEFT_SHUTDOWN_TIMEOUT (" + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms)");
        return;
      }
      ExportLoop started = loop;
      if (started != null) {
        started.flushAtExit(deadline - System.nanoTime(), timeoutNanos);
      }
    } catch (Throwable t) {
      WeftLog.warn("the last OTLP export at exit failed: " + t);
    }
  }
}
