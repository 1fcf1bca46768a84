package io.weft.smoke.harness;

import java.util.List;

/**
 * The promtool lint findings that Weft accepts, each for a metric whose name the OpenTelemetry
 * semantic conventions mandate (dashboards built for the OpenTelemetry Java agent look them up by
 * that name). This is the one list; docs/metrics.md explains it. Anything not listed here fails
 * {@link Promtool#assertPasses}.
 *
 * <p>promtool 2.42 (Debian 12) flags a gauge whose name ends in {@code _count}; the conventions name
 * these up-down counters {@code *.count}. It does not flag unit-less {@code _ratio} gauges or
 * counters without a unit, so nothing else is needed here yet.
 */
public final class PromtoolLintAllowList {
  /** An accepted finding: promtool's exact message for this exact metric name, and why. */
  public record Entry(String metric, String finding, String reason) {}

  private static final String COUNT_SUFFIX =
      "non-histogram and non-summary metrics should not have \"_count\" suffix";

  public static final List<Entry> ENTRIES =
      List.of(
          new Entry("jvm_class_count", COUNT_SUFFIX, "semconv jvm.class.count (UpDownCounter, {class})"),
          new Entry("jvm_cpu_count", COUNT_SUFFIX, "semconv jvm.cpu.count (UpDownCounter, {cpu})"),
          new Entry("jvm_thread_count", COUNT_SUFFIX, "semconv jvm.thread.count (UpDownCounter, {thread})"),
          new Entry("jvm_buffer_count", COUNT_SUFFIX, "semconv jvm.buffer.count (UpDownCounter, {buffer})"),
          new Entry(
              "jvm_file_descriptor_count",
              COUNT_SUFFIX,
              "semconv jvm.file_descriptor.count (UpDownCounter, {file_descriptor})"),
          new Entry("process_thread_count", COUNT_SUFFIX, "semconv process.thread.count (UpDownCounter, {thread})"),
          new Entry(
              "process_unix_file_descriptor_count",
              COUNT_SUFFIX,
              "semconv process.unix.file_descriptor.count (UpDownCounter, {file_descriptor})"),
          new Entry(
              "db_client_connection_count",
              COUNT_SUFFIX,
              "semconv db.client.connection.count (UpDownCounter, {connection})"));

  private PromtoolLintAllowList() {}

  public static boolean permits(String metric, String finding) {
    return ENTRIES.stream().anyMatch(e -> e.metric().equals(metric) && e.finding().equals(finding));
  }
}
