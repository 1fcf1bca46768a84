package io.weft.collectors.jvm.container;

import io.weft.collectors.jvm.platform.SmallFile;
import java.nio.file.Path;

/**
 * The memory controller's limit and usage files, in either cgroup version.
 *
 * <pre>
 * v2: memory.max "536870912" or "max"                  memory.current
 * v1: memory.limit_in_bytes (no limit: 2^63 rounded down to a page)   memory.usage_in_bytes
 * </pre>
 *
 * <p>Not thread-safe: the collector reads under its lock.
 */
final class MemoryLimitFiles {

  /** v1 writes "no limit" as the largest page-aligned long; anything this large is no limit. */
  private static final long V1_NO_LIMIT_FROM = 1L << 62;

  private final SmallFile limit;
  private final SmallFile usage;
  private long limitBytes;
  private long usageBytes;

  MemoryLimitFiles(Cgroup.Controller controller) {
    Path dir = controller.directory();
    boolean v2 = controller.version() == 2;
    this.limit = new SmallFile(dir.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"));
    this.usage = new SmallFile(dir.resolve(v2 ? "memory.current" : "memory.usage_in_bytes"));
  }

  /** Reads the limit, then the usage if there is a limit. False if there is none. */
  boolean read() {
    limitBytes = usageBytes = SmallFile.ABSENT;
    if (!limit.read()) {
      return false;
    }
    long value = limit.field(0); // "max" reads as ABSENT
    if (value <= 0 || value >= V1_NO_LIMIT_FROM) {
      return false;
    }
    limitBytes = value;
    usageBytes = usage.read() ? usage.field(0) : SmallFile.ABSENT;
    return true;
  }

  long limitBytes() {
    return limitBytes;
  }

  /** Memory charged to the cgroup (page cache included, as the kernel counts it), or ABSENT. */
  long usageBytes() {
    return usageBytes;
  }
}
