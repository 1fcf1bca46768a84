package io.weft.bootstrap.metrics;

/** Bucket boundaries defined by the OpenTelemetry semantic conventions, in seconds. */
public final class Buckets {
  private Buckets() {}

  /** HTTP server and client request duration. */
  public static final double[] HTTP_SECONDS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  /** Database client operation duration. */
  public static final double[] DB_SECONDS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};

  /** JVM garbage-collection duration. */
  public static final double[] GC_SECONDS = {0.01, 0.1, 1, 10};

  /** The OpenTelemetry SDK's default explicit buckets, for anything without a convention. */
  public static final double[] DEFAULT = {
    0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000
  };
}
