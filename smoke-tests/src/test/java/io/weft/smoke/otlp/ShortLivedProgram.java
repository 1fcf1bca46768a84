package io.weft.smoke.otlp;

/**
 * A batch job in miniature, run in a forked JVM: prints {@code working}, waits the given milliseconds,
 * prints {@code exiting with N} and ends with {@code System.exit(N)}. Its metrics are the agent's JVM and
 * process ones, so only the exit flush can deliver them when the export interval is longer than its life.
 */
public final class ShortLivedProgram {
  public static final String EXITING = "exiting with ";

  private ShortLivedProgram() {}

  /** Arguments: milliseconds to live, exit code. */
  public static void main(String[] args) throws InterruptedException {
    long millis = Long.parseLong(args[0]);
    int exitCode = Integer.parseInt(args[1]);
    System.out.println("working");
    Thread.sleep(millis);
    System.out.println(EXITING + exitCode);
    System.exit(exitCode);
  }
}
