package io.weft.bootstrap.snapshot;

/** One series' value at collection time. */
public sealed interface DataPoint permits NumberPoint, HistogramPoint {
  Attributes attributes();
}
