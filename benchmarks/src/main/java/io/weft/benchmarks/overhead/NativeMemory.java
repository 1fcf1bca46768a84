package io.weft.benchmarks.overhead;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The committed memory per Native Memory Tracking category from {@code jcmd <pid>
 * VM.native_memory summary} (the service runs with {@code -XX:NativeMemoryTracking=summary}).
 */
final class NativeMemory {
  private NativeMemory() {}

  static final String TOTAL = "Total";

  private static final Pattern CATEGORY =
      Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);
  private static final Pattern TOTAL_LINE =
      Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB", Pattern.MULTILINE);

  /** Committed MiB by category, in jcmd's order, with the total first under {@link #TOTAL}. */
  static Map<String, Double> committedMiB(String summary) {
    Map<String, Double> committed = new LinkedHashMap<>();
    Matcher total = TOTAL_LINE.matcher(summary);
    if (total.find()) {
      committed.put(TOTAL, Long.parseLong(total.group(2)) / 1024.0);
    }
    Matcher m = CATEGORY.matcher(summary);
    while (m.find()) {
      committed.put(m.group(1).trim(), Long.parseLong(m.group(3)) / 1024.0);
    }
    return committed;
  }
}
