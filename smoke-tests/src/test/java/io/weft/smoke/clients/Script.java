package io.weft.smoke.clients;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/** One client library's calls; prints {@code <client> <label> <status or exception>} per call. */
abstract class Script {
  /** Read timeout for {@code /slow}: short, the test waits for it several times. */
  static final int READ_TIMEOUT_MILLIS = 500;

  private final PrintStream out;
  final Target target;

  Script(Target target, PrintStream out) {
    this.target = target;
    this.out = out;
  }

  abstract void run() throws Exception;

  /**
   * Runs one call that returns a status; prints the status, or the class and message of what it threw
   * ({@code client label class : message}; for a future, of the failure inside its ExecutionException).
   */
  final void call(String label, Callable<Integer> call) {
    String outcome;
    try {
      outcome = String.valueOf(call.call());
    } catch (ExecutionException e) {
      outcome = describe(e.getCause());
    } catch (Exception e) {
      outcome = describe(e);
    }
    out.println(target.client() + " " + label + " " + outcome);
    out.flush();
  }

  private static String describe(Throwable t) {
    return t.getClass().getName() + " : " + String.valueOf(t.getMessage()).replace('\n', ' ');
  }
}
