package io.weft.benchmarks.overhead;

import java.io.File;
import java.util.List;

/**
 * Which cores the service and the load generator run on: separate halves of the machine through
 * {@code taskset} (util-linux) when it is on the PATH and there are at least two cores, else no
 * pinning (and the report says so).
 */
record CpuPinning(String serviceCpus, String loadCpus) {

  static final CpuPinning NONE = new CpuPinning("", "");

  /** The service on the first half of the cores, wrk on the second; either may be given instead. */
  static CpuPinning choose(String serviceCpus, String loadCpus) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (!onPath("taskset") || cores < 2 || "none".equals(serviceCpus)) {
      return NONE;
    }
    int half = cores / 2;
    String service = serviceCpus != null ? serviceCpus : range(0, half - 1);
    String load = loadCpus != null ? loadCpus : range(half, cores - 1);
    return new CpuPinning(service, load);
  }

  boolean pinned() {
    return !serviceCpus.isEmpty();
  }

  List<String> servicePrefix() {
    return pinned() ? List.of("taskset", "-c", serviceCpus) : List.of();
  }

  List<String> loadPrefix() {
    return pinned() ? List.of("taskset", "-c", loadCpus) : List.of();
  }

  String describe() {
    return pinned()
        ? "The service ran pinned to CPU " + serviceCpus + " and wrk to CPU " + loadCpus + " (`taskset -c`)"
        : "No CPU pinning (taskset not found, fewer than two cores, or `--service-cpus none`)";
  }

  private static String range(int from, int to) {
    return from == to ? Integer.toString(from) : from + "-" + to;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, program).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
