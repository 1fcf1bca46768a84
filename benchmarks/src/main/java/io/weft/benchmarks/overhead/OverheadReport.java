package io.weft.benchmarks.overhead;

import io.weft.benchmarks.report.BarChart;
import io.weft.benchmarks.report.MarkdownSection;
import io.weft.benchmarks.report.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the overhead section of {@code docs/performance.md}, its chart and the README performance
 * summary from the runs of one {@link OverheadRun}. Figures come from valid runs only; invalid runs
 * are listed with the reason.
 */
final class OverheadReport {

  private record Row(String label, int decimals, Function<RunResult, Double> f) {}

  private static final List<Row> ROWS = List.of(
      new Row("Time from launch to first served request (ms)", 0, RunResult::startupMillis),
      new Row("CPU time per request (µs)", 2, RunResult::cpuMicrosPerRequest),
      new Row("Allocated per request, application threads, under load (B)", 0,
          r -> r.allocation().applicationPerRequest()),
      new Row("Allocated per request, application threads, sequential requests (B)", 0,
          r -> r.allocation().applicationPerSequentialRequest()),
      new Row("Allocated per request, agent's own threads, under load (B)", 0, r -> r.allocation().agentPerRequest()),
      new Row("Latency p50 (ms)", 3, RunResult::p50Millis),
      new Row("Latency p99 (ms)", 3, RunResult::p99Millis),
      new Row("RSS after load (MiB)", 1, RunResult::rssMiB),
      new Row("Native memory committed, NMT total (MiB)", 1, r -> r.nativeMemoryMiB().getOrDefault(NativeMemory.TOTAL, Double.NaN)),
      new Row("Java heap live after a full GC (MiB)", 1, RunResult::liveHeapMiB),
      new Row("`/metrics` scrape after load (ms)", 2, RunResult::scrapeMillis),
      new Row("`/metrics` scrapes during the window (ms)", 2,
          r -> r.windowScrapeMillis().isEmpty() ? Double.NaN : Stats.of(r.windowScrapeMillis()).median()),
      new Row("Requests completed in the measured window", 0, RunResult::requests));

  /** Rows whose per-round difference from no agent is meaningful. */
  private static final List<Row> ADDED_ROWS = ROWS.subList(0, 10);

  private final Map<Configuration, List<RunResult>> runs;
  private final List<Configuration> order;
  private final OverheadRun.Settings s;
  private final Path weftJar;
  private final Path otelJar;

  OverheadReport(Map<Configuration, List<RunResult>> runs, List<Configuration> order, OverheadRun.Settings settings,
      Path weftJar, Path otelJar) {
    this.runs = runs;
    this.order = order;
    this.s = settings;
    this.weftJar = weftJar;
    this.otelJar = otelJar;
  }

  void write(Path docs, Path readme) throws IOException {
    String md = overheadSection();
    Files.createDirectories(docs);
    MarkdownSection.replace(docs.resolve("performance.md"), "overhead", md);
    MarkdownSection.replace(readme, "performance-summary", readmeSummary());
    List<Configuration> main = Configuration.MAIN;
    BarChart.write(docs.resolve("performance-overhead.png"),
        "Demo service under load (median, min–max whiskers)", main.stream().map(c -> c.label).toList(),
        List.of(
            panel("Start-up", "ms", RunResult::startupMillis),
            panel("CPU per request", "µs", RunResult::cpuMicrosPerRequest),
            panel("Allocated per request", "B", r -> r.allocation().applicationPerRequest()),
            panel("RSS after load", "MiB", RunResult::rssMiB)));
    System.out.println(md);
    System.out.println("Wrote " + docs.resolve("performance.md") + ", " + docs.resolve("performance-overhead.png")
        + " and " + readme);
  }

  private BarChart.Panel panel(String title, String unit, Function<RunResult, Double> f) {
    return new BarChart.Panel(title, unit, Configuration.MAIN.stream().map(c -> stats(c, f)).toList());
  }

  private List<RunResult> valid(Configuration c) {
    return runs.getOrDefault(c, List.of()).stream().filter(RunResult::valid).toList();
  }

  private Stats stats(Configuration c, Function<RunResult, Double> f) {
    return Stats.of(valid(c).stream().map(f).filter(v -> !v.isNaN()).toList());
  }

  /** Per-round differences {@code with - base} over the rounds where both runs are valid. */
  private Stats difference(Configuration with, Configuration base, Function<RunResult, Double> f) {
    List<Double> diffs = new ArrayList<>();
    for (RunResult w : valid(with)) {
      for (RunResult b : valid(base)) {
        if (b.round() == w.round()) {
          double d = f.apply(w) - f.apply(b);
          if (!Double.isNaN(d)) {
            diffs.add(d);
          }
        }
      }
    }
    return Stats.of(diffs);
  }

  private String overheadSection() throws IOException {
    List<Configuration> main = Configuration.MAIN;
    StringBuilder md = new StringBuilder();
    md.append("Measured on ").append(LocalDate.now()).append(" on this machine: ").append(Machine.describe())
        .append(".\n\nCommand: `").append(s.commandLine()).append("` — ").append(s.rounds())
        .append(s.rounds() == 1 ? " round." : " rounds, configuration order rotated each round.")
        .append(" Per run: start the demo (`")
        .append(String.join(" ", OverheadRun.SERVICE_JVM_OPTIONS))
        .append("`, plus remote JMX bound to 127.0.0.1 for the allocation counters, the same in every configuration), ")
        .append(s.warmup()).append(" s of warm-up load, then ").append(s.seconds())
        .append(" s measured with `wrk -t").append(s.load().threads()).append(" -c").append(s.load().connections())
        .append("` (closed loop) on `").append(String.join("`, `", s.paths()))
        .append("`. `/users/1` is the demo's HTTP + JDBC + executor path: the JDK server hands every exchange to the")
        .append(" demo's `demo-http` `ThreadPoolExecutor` (an executor task per request), and the handler opens an H2")
        .append(" connection and runs a prepared query. ")
        .append(s.pinning().describe()).append(". During the window each agent's `/metrics` is scraped every ")
        .append(fmt(s.scrapeIntervalSeconds(), 0)).append(" s (first scrape half an interval in), so collection")
        .append(" cost is part of the CPU figure. Each cell: median (min–max) over the valid rounds.\n\n")
        .append("Configurations: **no agent**; **Weft** with its defaults; **OpenTelemetry agent, tracing on**: the")
        .append(" OpenTelemetry Java agent with its trace and log exporters off (`OTEL_TRACES_EXPORTER=none`,")
        .append(" `OTEL_LOGS_EXPORTER=none`) but spans still created and sampled, metrics on its Prometheus exporter;")
        .append(" **OpenTelemetry agent, traces off**: the same with `OTEL_TRACES_SAMPLER=always_off`, the agent set")
        .append(" up for metrics only, which is the fair comparison with Weft.\n\n");

    md.append("**Counting check.** After each window the agent's own count of the measured paths' requests")
        .append(" (`http_server_request_duration_seconds_count` on its Prometheus endpoint, summed over the series whose")
        .append(" `http_route` serves the paths) must have risen by between the requests wrk completed and that plus")
        .append(" wrk's connections (wrk stops with up to one request in flight per connection, which the service")
        .append(" still finishes). Then ").append(s.sequentialRequests())
        .append(" sequential requests from a plain HTTP/1.1 client must raise it by exactly ")
        .append(s.sequentialRequests()).append(". Any wrk socket error, response of status 400 or more, failed")
        .append(" scrape or failed check makes the run invalid; invalid runs are listed below and left out of every figure.\n\n");
    md.append("| configuration | valid runs | agent count − wrk completed, under load | sequential check | wrk socket errors | status ≥ 400 |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Configuration c : order) {
      List<RunResult> all = runs.getOrDefault(c, List.of());
      Stats over = Stats.of(all.stream().filter(r -> r.count().applicable())
          .map(r -> (double) (r.count().windowDelta() - r.count().completed())).toList());
      long sequentialPassed = all.stream().filter(r -> r.count().applicable() && r.count().sequentialPassed()).count();
      boolean applicable = c.countsRequests();
      md.append("| ").append(c.label).append(" | ").append(all.stream().filter(RunResult::valid).count()).append(" of ")
          .append(all.size()).append(" | ")
          .append(applicable ? over.format(0) + " (allowed 0 to " + s.load().connections() + ")" : "not counted")
          .append(" | ").append(applicable ? sequentialPassed + " of " + all.size() + " exact" : "not counted")
          .append(" | ").append(all.stream().mapToLong(r -> r.load().socketErrors()).sum())
          .append(" | ").append(all.stream().mapToLong(r -> r.load().non2xx()).sum()).append(" |\n");
    }
    List<RunResult> invalid = order.stream().flatMap(c -> runs.getOrDefault(c, List.of()).stream())
        .filter(r -> !r.valid()).toList();
    if (invalid.isEmpty()) {
      md.append("\nEvery run passed.\n\n");
    } else {
      md.append("\n**Invalid runs** (left out of the figures):\n\n");
      for (RunResult r : invalid) {
        md.append("- round ").append(r.round() + 1).append(", ").append(r.configuration().label).append(": ")
            .append(String.join("; ", r.problems())).append('\n');
      }
      md.append('\n');
    }

    md.append("| figure |");
    main.forEach(c -> md.append(' ').append(c.label).append(" |"));
    md.append("\n|---|").append("---|".repeat(main.size())).append('\n');
    for (Row row : ROWS) {
      md.append("| ").append(row.label()).append(" |");
      for (Configuration c : main) {
        md.append(' ').append(stats(c, row.f()).format(row.decimals())).append(" |");
      }
      md.append('\n');
    }
    md.append("| Agent jar (MB) | – | ").append(mb(weftJar)).append(" | ").append(mb(otelJar)).append(" | ")
        .append(mb(otelJar)).append(" |\n\n");
    md.append("Allocation is read from every thread's allocated-bytes counter (`com.sun.management.ThreadMXBean")
        .append("#getThreadAllocatedBytes` over loopback JMX) at the start and end of the window, divided by the requests")
        .append(" wrk completed; the sequential row reads them around the ").append(s.sequentialRequests())
        .append(" sequential requests of the counting check, so its divisor is exact. Application threads are all")
        .append(" threads but the agent's own (`weft-*`; the OpenTelemetry agent's `prometheus-http-server-*`,")
        .append(" `weak-ref-cleaner`, ...) and the measurement's (RMI/JMX, `Attach Listener`); the JDK server's")
        .append(" `HTTP-Dispatcher` of an agent's endpoint counts as application. Scrapes during the window allocate on the")
        .append(" agent's threads.\n\n");

    md.append("Added to no agent, as per-round differences from the no-agent run of the same round (median (min–max);")
        .append(" the max is the worst round):\n\n");
    List<Configuration> agents = main.subList(1, main.size());
    md.append("| added |");
    agents.forEach(c -> md.append(' ').append(c.label).append(" |"));
    md.append("\n|---|").append("---|".repeat(agents.size())).append('\n');
    for (Row row : ADDED_ROWS) {
      md.append("| ").append(row.label()).append(" |");
      for (Configuration c : agents) {
        md.append(' ').append(difference(c, Configuration.NONE, row.f()).format(row.decimals())).append(" |");
      }
      md.append('\n');
    }

    md.append("\nNative Memory Tracking (`jcmd <pid> VM.native_memory summary` after the load), committed MiB by")
        .append(" category, median over the valid rounds:\n\n");
    Set<String> categories = new LinkedHashSet<>();
    for (Configuration c : main) {
      valid(c).forEach(r -> categories.addAll(r.nativeMemoryMiB().keySet()));
    }
    md.append("| category |");
    main.forEach(c -> md.append(' ').append(c.label).append(" |"));
    md.append(" Weft added |\n|---|").append("---|".repeat(main.size() + 1)).append('\n');
    for (String category : categories) {
      Function<RunResult, Double> f = r -> r.nativeMemoryMiB().getOrDefault(category, 0.0);
      md.append("| ").append(category).append(" |");
      for (Configuration c : main) {
        md.append(' ').append(fmt(stats(c, f).median(), 1)).append(" |");
      }
      md.append(' ').append(difference(Configuration.WEFT, Configuration.NONE, f).format(1)).append(" |\n");
    }

    if (s.families()) {
      md.append("\nWhat each Weft family costs: per-round differences between Weft with everything on and Weft with")
          .append(" the family switched off (`WEFT_INSTRUMENTATION_<FAMILY>_ENABLED=false`; the JVM row switches off")
          .append(" the JVM, process and container collectors). Without `http.server` Weft does not count requests,")
          .append(" so those runs are not count-checked.\n\n")
          .append("| family switched off | CPU per request (µs) | allocated per request, under load (B) |")
          .append(" allocated per sequential request (B) | start-up (ms) | NMT committed (MiB) |\n|---|---|---|---|---|---|\n");
      for (Configuration c : Configuration.FAMILIES) {
        md.append("| ").append(c.label.replace("Weft without ", "")).append(" | ")
            .append(difference(Configuration.WEFT, c, RunResult::cpuMicrosPerRequest).format(2)).append(" | ")
            .append(difference(Configuration.WEFT, c, r -> r.allocation().applicationPerRequest()).format(0)).append(" | ")
            .append(difference(Configuration.WEFT, c, r -> r.allocation().applicationPerSequentialRequest()).format(0))
            .append(" | ").append(difference(Configuration.WEFT, c, RunResult::startupMillis).format(0)).append(" | ")
            .append(difference(Configuration.WEFT, c,
                r -> r.nativeMemoryMiB().getOrDefault(NativeMemory.TOTAL, Double.NaN)).format(1)).append(" |\n");
      }
    }
    if (s.jfr()) {
      md.append("\nEvery measured window was recorded by JFR (`settings=profile`) in every configuration, which adds")
          .append(" its own cost to all of them; the top frames are in the run's output and `jfr-top-frames.txt`.\n");
    }

    Stats noise = stats(Configuration.NONE, RunResult::cpuMicrosPerRequest);
    md.append(String.format(Locale.ROOT,
        "%nNoise: without an agent, CPU per request ranged %.2f–%.2f µs across rounds (spread %.2f µs); "
            + "a difference smaller than that spread is not a measured difference.%n",
        noise.min(), noise.max(), noise.max() - noise.min()));
    md.append("\n![Overhead: no agent, Weft, OpenTelemetry agent with tracing on and off](performance-overhead.png)\n");
    return md.toString();
  }

  /** The few figures README quotes. */
  private String readmeSummary() throws IOException {
    List<Configuration> agents = List.of(Configuration.WEFT, Configuration.OTEL_METRICS_ONLY, Configuration.OTEL);
    StringBuilder md = new StringBuilder();
    md.append("Measured ").append(LocalDate.now()).append(" on the demo service (HTTP + JDBC + executor) under the same")
        .append(" load, medians of per-round differences from no agent over ").append(s.rounds())
        .append(" rounds (start-up also its worst round):\n\n| added |");
    agents.forEach(c -> md.append(' ').append(c.label).append(" |"));
    md.append("\n|---|").append("---|".repeat(agents.size())).append('\n');
    summaryRow(md, agents, "CPU per request", " µs", 2, RunResult::cpuMicrosPerRequest, false);
    summaryRow(md, agents, "allocated per request", " B", 0, r -> r.allocation().applicationPerSequentialRequest(), false);
    summaryRow(md, agents, "time to first request", " ms", 0, RunResult::startupMillis, true);
    summaryRow(md, agents, "RSS after load (fixed heap)", " MiB", 1, RunResult::rssMiB, false);
    summaryRow(md, agents, "native memory committed (NMT)", " MiB", 1,
        r -> r.nativeMemoryMiB().getOrDefault(NativeMemory.TOTAL, Double.NaN), false);
    summaryRow(md, agents, "live heap after a full GC", " MiB", 1, RunResult::liveHeapMiB, false);
    md.append("| agent jar | ").append(mb(weftJar)).append(" MB | ").append(mb(otelJar)).append(" MB | ")
        .append(mb(otelJar)).append(" MB |\n\n");
    md.append("\"Traces off\" is the OpenTelemetry agent with `OTEL_TRACES_SAMPLER=always_off` (metrics only);")
        .append(" \"tracing on\" keeps its default sampling with the exporters off. Hot path, scrape and collection")
        .append(" costs and how to reproduce: [docs/performance.md](docs/performance.md).");
    return md.toString();
  }

  private void summaryRow(StringBuilder md, List<Configuration> agents, String label, String unit, int decimals,
      Function<RunResult, Double> f, boolean worst) {
    md.append("| ").append(label).append(" |");
    for (Configuration c : agents) {
      Stats d = difference(c, Configuration.NONE, f);
      md.append(' ').append(fmt(d.median(), decimals)).append(unit);
      if (worst) {
        md.append(" (worst ").append(fmt(d.max(), decimals)).append(unit).append(')');
      }
      md.append(" |");
    }
    md.append('\n');
  }

  private static String fmt(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String mb(Path jar) throws IOException {
    return String.format(Locale.ROOT, "%.2f", Files.size(jar) / 1e6);
  }
}
