package io.weft.bootstrap.context;

/**
 * Counts, per thread, how deep the current thread is inside instrumented calls of one family, so
 * that only the outermost call is measured: a servlet forwarding to another, a connection-pool
 * statement delegating to the driver's, a filter chain calling the next chain.
 *
 * <pre>{@code
 * static final CallDepth DEPTH = new CallDepth();
 * // on enter:  if (DEPTH.enter() == 0) { ...outermost: start measuring... }
 * // on exit:   if (DEPTH.exit() == 0)  { ...outermost: record... }
 * }</pre>
 *
 * <p>Cost: one {@code ThreadLocal} read and an array increment; allocates only on a thread's first
 * use.
 */
public final class CallDepth {

  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  /** Enters a call; returns the depth before entering (0 for the outermost call). */
  public int enter() {
    return depth.get()[0]++;
  }

  /** Leaves a call; returns the depth after leaving (0 when the outermost call ends). */
  public int exit() {
    int[] d = depth.get();
    return d[0] > 0 ? --d[0] : 0;
  }

  /** The current depth on this thread. */
  public int current() {
    return depth.get()[0];
  }
}
