package io.weft.benchmarks.overhead;

import io.weft.benchmarks.report.BarChart;
import io.weft.benchmarks.report.MarkdownSection;
import io.weft.benchmarks.report.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the demo service under the same fixed closed-loop load with no agent, with Weft and with the
 * OpenTelemetry Java agent, alternating the order every round, and writes the results into {@code
 * docs/performance.md} and {@code docs/performance-overhead.png}.
 *
 * <p>Usage (see {@code benchmarks/overhead/run}): {@code OverheadRun --demo JAR --weft JAR --otel JAR
 * --docs DIR --work DIR [--rounds 5] [--warmup 10] [--seconds 20] [--path /users/1]}.
 */
public final class OverheadRun {

  enum Configuration {
    NONE("no agent"),
    WEFT("Weft"),
    OTEL("OpenTelemetry agent");

    final String label;

    Configuration(String label) {
      this.label = label;
    }
  }

  /** One run of one configuration. */
  record Run(double startupMillis, double cpuMicrosPerRequest, double p50Millis, double p99Millis,
      double rssMiB, double liveHeapMiB, double scrapeMillis, long requests, long errors) {}

  /**
   * The service JVM's options in every configuration. The heap is fixed and touched up front so
   * that RSS compares what lies outside it (classes, compiled code, threads, buffers) instead of
   * how far the collector happened to grow the heap; what the agent keeps on the heap is the
   * live-heap row.
   */
  static final List<String> SERVICE_JVM_OPTIONS =
      List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true");

  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    Path demo = Path.of(a.get("demo"));
    Path weft = Path.of(a.get("weft"));
    Path otel = Path.of(a.get("otel"));
    Path docs = Path.of(a.get("docs"));
    Path work = Path.of(a.get("work"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
    String path = a.getOrDefault("path", "/users/1");
    Files.createDirectories(work);
    WrkLoad load = new WrkLoad(2, 8);

    Map<Configuration, List<Run>> runs = new EnumMap<>(Configuration.class);
    Configuration[] order = Configuration.values();
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < order.length; i++) {
        Configuration c = order[(i + round) % order.length];
        Run run = runOnce(c, demo, weft, otel, work, round, load, path, warmup, seconds);
        System.out.printf(Locale.ROOT, "round %d %-20s %s%n", round + 1, c.label, run);
        runs.computeIfAbsent(c, k -> new ArrayList<>()).add(run);
      }
    }
    String commandLine = "benchmarks/overhead/run --rounds " + rounds + " --warmup " + warmup
        + " --seconds " + seconds + " --path " + path;
    writeReport(runs, docs, weft, otel, commandLine, rounds, warmup, seconds, path);
  }

  private static Run runOnce(Configuration c, Path demo, Path weft, Path otel, Path work, int round,
      WrkLoad load, String path, int warmup, int seconds) throws IOException, InterruptedException {
    int metricsPort = ServiceProcess.freePort();
    // TCP_NODELAY for the JDK server in every configuration: the demo sets it itself, but an agent
    // that loads the server's classes first (the OpenTelemetry agent does) would freeze it at false,
    // and 40 ms delayed-ACK stalls would swamp every other figure.
    List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
    Map<String, String> env = new java.util.HashMap<>();
    switch (c) {
      case WEFT -> {
        jvm.add("-javaagent:" + weft);
        env.put("WEFT_PROMETHEUS_PORT", Integer.toString(metricsPort));
      }
      case OTEL -> {
        jvm.add("-javaagent:" + otel);
        env.put("OTEL_TRACES_EXPORTER", "none");
        env.put("OTEL_LOGS_EXPORTER", "none");
        env.put("OTEL_METRICS_EXPORTER", "prometheus");
        env.put("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1");
        env.put("OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(metricsPort));
      }
      case NONE -> {}
    }
    Path log = work.resolve(c.name().toLowerCase(Locale.ROOT) + "-round" + (round + 1) + ".log");
    try (ServiceProcess service = ServiceProcess.start(jvm, demo, env, log)) {
      String url = "http://127.0.0.1:" + service.port() + path;
      load.run(url, warmup);
      double cpuBefore = service.cpuSeconds();
      WrkLoad.Result result = load.run(url, seconds);
      double cpuAfter = service.cpuSeconds();
      double rss = service.rssMiB();
      double scrape = c == Configuration.NONE ? Double.NaN : service.scrapeMillis(metricsPort, 20);
      double liveHeap = service.liveHeapMiB();
      if (result.errors() > 0) {
        throw new IOException(c.label + ": " + result.errors() + " non-2xx responses; see " + log);
      }
      return new Run(service.startupMillis, (cpuAfter - cpuBefore) / result.requests() * 1e6,
          result.p50Millis(), result.p99Millis(), rss, liveHeap, scrape, result.requests(), 0);
    }
  }

  private static Stats stats(List<Run> runs, Function<Run, Double> f) {
    return Stats.of(runs.stream().map(f).filter(v -> !v.isNaN()).toList());
  }

  /** Per-round difference between a configuration and no agent: paired, so drift cancels. */
  private static Stats added(Map<Configuration, List<Run>> runs, Configuration c, Function<Run, Double> f) {
    List<Double> diffs = new ArrayList<>();
    List<Run> base = runs.get(Configuration.NONE);
    List<Run> with = runs.get(c);
    for (int i = 0; i < Math.min(base.size(), with.size()); i++) {
      diffs.add(f.apply(with.get(i)) - f.apply(base.get(i)));
    }
    return Stats.of(diffs);
  }

  private static void writeReport(Map<Configuration, List<Run>> runs, Path docs, Path weftJar, Path otelJar,
      String commandLine, int rounds, int warmup, int seconds, String path) throws IOException {
    List<Configuration> cs = List.of(Configuration.values());
    record Row(String label, int decimals, Function<Run, Double> f) {}
    List<Row> rows = List.of(
        new Row("Time from launch to first served request (ms)", 0, Run::startupMillis),
        new Row("CPU time per request (µs)", 2, Run::cpuMicrosPerRequest),
        new Row("Latency p50 (ms)", 3, Run::p50Millis),
        new Row("Latency p99 (ms)", 3, Run::p99Millis),
        new Row("RSS after load (MiB)", 1, Run::rssMiB),
        new Row("Java heap live after a full GC (MiB)", 1, Run::liveHeapMiB),
        new Row("`/metrics` scrape (ms)", 2, Run::scrapeMillis),
        new Row("Requests served in the measured window", 0, r -> (double) r.requests()));
    StringBuilder md = new StringBuilder();
    md.append("Measured on ").append(LocalDate.now()).append(" on this machine: ").append(Machine.describe())
        .append(".\n\nCommand: `").append(commandLine).append("` — ").append(rounds)
        .append(" rounds, configuration order rotated each round; per run: start the demo (`" + String.join(" ", SERVICE_JVM_OPTIONS)
            + "`: a fixed, pre-touched heap, so that RSS compares memory outside the heap), ")
        .append(warmup).append(" s of warm-up load, then ").append(seconds)
        .append(" s measured with `wrk -t2 -c8` (closed loop, 8 connections) on `").append(path)
        .append("` (HTTP server + JDBC query on H2). Each cell: median (min–max) over the rounds.\n\n");
    md.append("| figure |");
    cs.forEach(c -> md.append(' ').append(c.label).append(" |"));
    md.append("\n|---|").append("---|".repeat(cs.size())).append('\n');
    for (Row row : rows) {
      md.append("| ").append(row.label()).append(" |");
      for (Configuration c : cs) {
        md.append(' ').append(stats(runs.get(c), row.f()).format(row.decimals())).append(" |");
      }
      md.append('\n');
    }
    md.append("| Agent jar (MB) | – | ").append(mb(weftJar)).append(" | ").append(mb(otelJar)).append(" |\n\n");

    md.append("Added by each agent, as per-round differences from the no-agent run of the same round:\n\n");
    md.append("| added | Weft | OpenTelemetry agent | Weft / OpenTelemetry |\n|---|---|---|---|\n");
    for (Row row : rows.subList(0, 6)) {
      Stats w = added(runs, Configuration.WEFT, row.f());
      Stats o = added(runs, Configuration.OTEL, row.f());
      md.append("| ").append(row.label()).append(" | ").append(w.format(row.decimals())).append(" | ")
          .append(o.format(row.decimals())).append(" | ")
          .append(o.median() > 0 ? String.format(Locale.ROOT, "%.2f", w.median() / o.median()) : "–")
          .append(" |\n");
    }
    md.append("\nRatios of medians: ");
    for (Row row : rows.subList(0, 6)) {
      double none = stats(runs.get(Configuration.NONE), row.f()).median();
      double weft = stats(runs.get(Configuration.WEFT), row.f()).median();
      double otel = stats(runs.get(Configuration.OTEL), row.f()).median();
      md.append(String.format(Locale.ROOT, "%s Weft/none %.3f, Weft/OpenTelemetry %.3f; ",
          row.label().replaceAll(" \\(.*", ""), weft / none, weft / otel));
    }
    Stats noiseCpu = stats(runs.get(Configuration.NONE), Run::cpuMicrosPerRequest);
    md.append(String.format(Locale.ROOT,
        "%n%nNoise: without an agent, CPU per request ranged %.2f–%.2f µs across rounds (spread %.2f µs); "
            + "a difference smaller than that spread is not a measured difference.%n",
        noiseCpu.min(), noiseCpu.max(), noiseCpu.max() - noiseCpu.min()));
    md.append("\n![Overhead: no agent, Weft, OpenTelemetry agent](performance-overhead.png)\n");

    Files.createDirectories(docs);
    MarkdownSection.replace(docs.resolve("performance.md"), "overhead", md.toString());
    MarkdownSection.replace(docs.resolve("..").resolve("README.md").normalize(), "performance-summary",
        readmeSummary(runs, weftJar, otelJar));
    List<String> labels = cs.stream().map(c -> c.label).toList();
    BarChart.write(docs.resolve("performance-overhead.png"),
        "Demo service under load: no agent / Weft / OpenTelemetry agent (median, min–max whiskers)", labels,
        List.of(
            new BarChart.Panel("Start-up", "ms", cs.stream().map(c -> stats(runs.get(c), Run::startupMillis)).toList()),
            new BarChart.Panel("CPU per request", "µs", cs.stream().map(c -> stats(runs.get(c), Run::cpuMicrosPerRequest)).toList()),
            new BarChart.Panel("Latency p99", "ms", cs.stream().map(c -> stats(runs.get(c), Run::p99Millis)).toList()),
            new BarChart.Panel("RSS after load", "MiB", cs.stream().map(c -> stats(runs.get(c), Run::rssMiB)).toList())));
    System.out.println(md);
  }

  /** The few figures README quotes, with the ratios against the OpenTelemetry agent. */
  private static String readmeSummary(Map<Configuration, List<Run>> runs, Path weftJar, Path otelJar)
      throws IOException {
    Stats cpuWeft = added(runs, Configuration.WEFT, Run::cpuMicrosPerRequest);
    Stats cpuOtel = added(runs, Configuration.OTEL, Run::cpuMicrosPerRequest);
    Stats startWeft = added(runs, Configuration.WEFT, Run::startupMillis);
    Stats startOtel = added(runs, Configuration.OTEL, Run::startupMillis);
    Stats rssWeft = added(runs, Configuration.WEFT, Run::rssMiB);
    Stats rssOtel = added(runs, Configuration.OTEL, Run::rssMiB);
    Stats heapWeft = added(runs, Configuration.WEFT, Run::liveHeapMiB);
    Stats heapOtel = added(runs, Configuration.OTEL, Run::liveHeapMiB);
    return String.format(Locale.ROOT,
        "Measured %s on the demo service (HTTP + JDBC) under the same load, medians of per-round differences"
            + " from no agent (Weft | OpenTelemetry Java agent):%n%n"
            + "| added | Weft | OpenTelemetry agent |%n|---|---|---|%n"
            + "| CPU per request | %.2f µs | %.2f µs |%n"
            + "| time to first request | %.0f ms | %.0f ms |%n"
            + "| RSS after load (fixed heap) | %.1f MiB | %.1f MiB |%n"
            + "| live heap after a full GC | %.1f MiB | %.1f MiB |%n"
            + "| agent jar | %s MB | %s MB |%n%n"
            + "Hot path, scrape and collection costs and how to reproduce: [docs/performance.md](docs/performance.md).",
        LocalDate.now(), cpuWeft.median(), cpuOtel.median(), startWeft.median(), startOtel.median(),
        rssWeft.median(), rssOtel.median(), heapWeft.median(), heapOtel.median(), mb(weftJar), mb(otelJar));
  }

  private static String mb(Path jar) throws IOException {
    return String.format(Locale.ROOT, "%.2f", Files.size(jar) / 1e6);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      m.put(args[i].substring(2), args[i + 1]);
    }
    for (String required : List.of("demo", "weft", "otel", "docs", "work")) {
      if (!m.containsKey(required)) {
        throw new IllegalArgumentException("missing --" + required);
      }
    }
    return m;
  }
}
