package io.weft.collectors.jvm.container;

import io.weft.collectors.jvm.platform.SmallFile;
import java.nio.file.Path;

/**
 * The CPU controller's limit and throttling files, in either cgroup version.
 *
 * <pre>
 * v2: cpu.max  "50000 100000" or "max 100000"      cpu.stat  nr_periods, nr_throttled, throttled_usec
 * v1: cpu.cfs_quota_us "50000" or "-1", cpu.cfs_period_us "100000"
 *                                                   cpu.stat  nr_periods, nr_throttled, throttled_time (ns)
 * </pre>
 *
 * <p>{@link #read()} reads them all; the getters then answer from what was read. Not thread-safe:
 * the collector reads under its lock.
 */
final class CpuLimitFiles {

  private final int version;
  private final SmallFile quota;
  private final SmallFile period;
  private final SmallFile stat;
  private double limitCores;
  private long periods;
  private long throttledPeriods;
  private double throttledSeconds;

  CpuLimitFiles(Cgroup.Controller controller) {
    Path dir = controller.directory();
    this.version = controller.version();
    if (version == 2) {
      this.quota = new SmallFile(dir.resolve("cpu.max"));
      this.period = quota;
    } else {
      this.quota = new SmallFile(dir.resolve("cpu.cfs_quota_us"));
      this.period = new SmallFile(dir.resolve("cpu.cfs_period_us"));
    }
    this.stat = new SmallFile(dir.resolve("cpu.stat"));
  }

  /** Reads the limit, then the throttling counters if there is a limit. False if there is none. */
  boolean read() {
    limitCores = Double.NaN;
    periods = throttledPeriods = SmallFile.ABSENT;
    throttledSeconds = Double.NaN;
    long quotaMicros;
    long periodMicros;
    if (version == 2) {
      if (!quota.read()) {
        return false;
      }
      quotaMicros = quota.field(0); // "max" reads as ABSENT
      periodMicros = quota.field(1);
    } else {
      if (!quota.read()) {
        return false;
      }
      quotaMicros = quota.field(0); // -1 means no limit
      periodMicros = period.read() ? period.field(0) : SmallFile.ABSENT;
    }
    if (quotaMicros <= 0 || periodMicros <= 0) {
      return false;
    }
    limitCores = (double) quotaMicros / periodMicros;
    if (stat.read()) {
      periods = stat.valueOf("nr_periods");
      throttledPeriods = stat.valueOf("nr_throttled");
      long throttled = stat.valueOf(version == 2 ? "throttled_usec" : "throttled_time");
      if (throttled != SmallFile.ABSENT) {
        throttledSeconds = version == 2 ? throttled / 1e6 : throttled / 1e9;
      }
    }
    return true;
  }

  /** The limit in cores ({@code quota / period}); NaN when there is none. */
  double limitCores() {
    return limitCores;
  }

  /** Enforcement periods elapsed while the cgroup had runnable tasks, or ABSENT. */
  long periods() {
    return periods;
  }

  /** Periods in which the cgroup used up its quota and was throttled, or ABSENT. */
  long throttledPeriods() {
    return throttledPeriods;
  }

  /** Total time the cgroup's tasks were held back by throttling, in seconds; NaN if unknown. */
  double throttledSeconds() {
    return throttledSeconds;
  }
}
