package io.weft.benchmarks.overhead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run of one configuration measured, and whether it may be trusted: a run whose agent
 * did not count the requests the load generator completed, or whose load saw errors, is invalid and
 * the report says so.
 */
record RunResult(Configuration configuration, int round, double startupMillis, double cpuMicrosPerRequest,
    double p50Millis, double p99Millis, double rssMiB, double liveHeapMiB, double scrapeMillis,
    WrkLoad.Result load, Allocation allocation, List<Double> windowScrapeMillis, int windowScrapeFailures,
    Map<String, Double> nativeMemoryMiB, CountCheck count) {

  /** Bytes per request: application and agent threads under load, application threads over the sequential batch. */
  record Allocation(double applicationPerRequest, double agentPerRequest, double applicationPerSequentialRequest,
      int threadsEnded) {}

  /**
   * The agent's own count of the measured paths' requests against the load's. Under wrk the delta
   * must lie in [completed, completed + connections] (wrk stops with up to one request in flight per
   * connection, which the service may still finish and count); over the sequential batch it must be
   * exactly the batch size.
   */
  record CountCheck(boolean applicable, long windowDelta, long completed, int inFlightAllowance,
      int sequentialRequests, long sequentialDelta, int sequentialFailures) {

    static CountCheck notApplicable(int sequentialRequests, int sequentialFailures) {
      return new CountCheck(false, -1, -1, 0, sequentialRequests, -1, sequentialFailures);
    }

    boolean windowPassed() {
      return !applicable || (windowDelta >= completed && windowDelta <= completed + inFlightAllowance);
    }

    boolean sequentialPassed() {
      return !applicable || sequentialDelta == sequentialRequests;
    }
  }

  double requests() {
    return load.requests();
  }

  /** Why this run is invalid; empty if it is valid. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (load.socketErrors() > 0) {
      problems.add(String.format("wrk socket errors: connect %d, read %d, write %d, timeout %d",
          load.connectErrors(), load.readErrors(), load.writeErrors(), load.timeouts()));
    }
    if (load.non2xx() > 0) {
      problems.add(load.non2xx() + " responses with status 400 or more under load");
    }
    if (count.sequentialFailures() > 0) {
      problems.add(count.sequentialFailures() + " of the " + count.sequentialRequests()
          + " sequential requests did not answer 2xx");
    }
    if (!count.windowPassed()) {
      problems.add("agent counted " + count.windowDelta() + " requests in the window, wrk completed "
          + count.completed() + " (allowed " + count.completed() + " to " + (count.completed() + count.inFlightAllowance()) + ")");
    }
    if (!count.sequentialPassed()) {
      problems.add("agent counted " + count.sequentialDelta() + " of " + count.sequentialRequests() + " sequential requests");
    }
    if (windowScrapeFailures > 0) {
      problems.add(windowScrapeFailures + " scrapes in the window failed");
    }
    return problems;
  }

  boolean valid() {
    return problems().isEmpty();
  }
}
