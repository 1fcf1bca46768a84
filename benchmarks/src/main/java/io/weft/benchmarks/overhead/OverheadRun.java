package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the demo service under the same fixed closed-loop load with no agent, with Weft and with the
 * OpenTelemetry Java agent (tracing on, and traces sampled off), rotating the order every round, and
 * writes the results into {@code docs/performance.md}, its chart and the README summary.
 *
 * <p>Every run checks that the agent counted the requests the load generator completed, scrapes the
 * agent during the measured window, reads every thread's allocated bytes through loopback JMX and
 * Native Memory Tracking through {@code jcmd}. With {@code --families}, Weft also runs with each
 * instrumentation family off in turn; with {@code --jfr}, every measured window is recorded by JFR
 * and the top frames are printed.
 *
 * <p>Usage (see {@code benchmarks/overhead/run}): {@code OverheadRun --demo JAR --weft JAR --otel JAR
 * --docs DIR --work DIR [--readme FILE] [--rounds 7] [--warmup 10] [--seconds 20] [--path
 * /users/1[,/other]] [--scrape-interval 15] [--sequential 500] [--threads 2] [--connections 8]
 * [--service-cpus 0] [--load-cpus 1] [--startup-timeout 120] [--families] [--jfr]}.
 */
public final class OverheadRun {

  /**
   * The service JVM's options in every configuration. The heap is fixed and touched up front so
   * that RSS compares what lies outside it (classes, compiled code, threads, buffers) instead of
   * how far the collector happened to grow the heap; what the agent keeps on the heap is the
   * live-heap row. Native Memory Tracking (summary level) is on everywhere.
   */
  static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch",
      "-XX:NativeMemoryTracking=summary", "-Dsun.net.httpserver.nodelay=true");

  /** What was asked for, as the report quotes it. */
  record Settings(int rounds, int warmup, int seconds, List<String> paths, double scrapeIntervalSeconds,
      int sequentialRequests, boolean families, boolean jfr, CpuPinning pinning, WrkLoad load,
      java.time.Duration startupTimeout, String commandLine) {}

  private static final List<String> FLAGS = List.of("families", "jfr");

  public static void main(String[] args) throws Exception {
    Map<String, String> a = parse(args);
    Path demo = Path.of(a.get("demo"));
    Path weft = Path.of(a.get("weft"));
    Path otel = Path.of(a.get("otel"));
    Path docs = Path.of(a.get("docs"));
    Path readme = Path.of(a.getOrDefault("readme", docs.resolve("..").resolve("README.md").normalize().toString()));
    Path work = Path.of(a.get("work"));
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "7"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
    List<String> paths = Arrays.stream(a.getOrDefault("path", "/users/1").split(",")).map(String::strip).toList();
    double scrapeInterval = Double.parseDouble(a.getOrDefault("scrape-interval", "15"));
    int sequential = Integer.parseInt(a.getOrDefault("sequential", "500"));
    boolean families = a.containsKey("families");
    boolean jfr = a.containsKey("jfr");
    CpuPinning pinning = CpuPinning.choose(a.get("service-cpus"), a.get("load-cpus"));
    WrkLoad load = new WrkLoad(Integer.parseInt(a.getOrDefault("threads", "2")),
        Integer.parseInt(a.getOrDefault("connections", "8")), pinning.loadPrefix());
    Files.createDirectories(work);
    String commandLine = "benchmarks/overhead/run --rounds " + rounds + " --warmup " + warmup + " --seconds " + seconds
        + " --path " + String.join(",", paths) + " --scrape-interval " + a.getOrDefault("scrape-interval", "15")
        + " --sequential " + sequential + (families ? " --families" : "") + (jfr ? " --jfr" : "");
    Settings settings = new Settings(rounds, warmup, seconds, paths, scrapeInterval, sequential, families, jfr,
        pinning, load, java.time.Duration.ofSeconds(Long.parseLong(a.getOrDefault("startup-timeout", "120"))),
        commandLine);
    System.out.println("overhead run: " + pinning.describe());

    List<Configuration> order = new ArrayList<>(Configuration.MAIN);
    if (families) {
      order.addAll(Configuration.FAMILIES);
    }
    Map<Configuration, List<RunResult>> runs = new EnumMap<>(Configuration.class);
    Map<Configuration, JfrProfile> profiles = new EnumMap<>(Configuration.class);
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < order.size(); i++) {
        Configuration c = order.get((i + round) % order.size());
        RunResult run = runOnce(c, demo, weft, otel, work, round, settings,
            jfr ? profiles.computeIfAbsent(c, k -> new JfrProfile()) : null);
        System.out.printf(Locale.ROOT, "round %d %-52s start %.0f ms, %.2f µs CPU/req, %.0f B/req app, %.0f B/req agent,"
                + " %d requests, %s%n", round + 1, c.label, run.startupMillis(), run.cpuMicrosPerRequest(),
            run.allocation().applicationPerRequest(), run.allocation().agentPerRequest(), run.load().requests(),
            run.valid() ? "count check passed" : "INVALID: " + String.join("; ", run.problems()));
        runs.computeIfAbsent(c, k -> new ArrayList<>()).add(run);
      }
    }
    if (jfr) {
      StringBuilder profile = new StringBuilder();
      for (Configuration c : order) {
        profile.append(profiles.get(c).describe(c.label, profiles.get(Configuration.NONE), 25)).append('\n');
      }
      Files.writeString(work.resolve("jfr-top-frames.txt"), profile);
      System.out.println(profile);
    }
    new OverheadReport(runs, order, settings, weft, otel).write(docs, readme);
  }

  private static RunResult runOnce(Configuration c, Path demo, Path weft, Path otel, Path work, int round,
      Settings s, JfrProfile profile) throws IOException, InterruptedException {
    int metricsPort = ServiceProcess.freePort();
    // TCP_NODELAY for the JDK server in every configuration: the demo sets it itself, but an agent
    // that loads the server's classes first (the OpenTelemetry agent does) would freeze it at false,
    // and 40 ms delayed-ACK stalls would swamp every other figure.
    List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
    Map<String, String> env = new HashMap<>(c.extraEnvironment);
    switch (c.agent) {
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
    String name = c.name().toLowerCase(Locale.ROOT) + "-round" + (round + 1);
    Path log = work.resolve(name + ".log");
    boolean agent = c.agent != Configuration.Agent.NONE;
    try (ServiceProcess service = ServiceProcess.start(s.pinning().servicePrefix(), jvm, demo, env, log,
            s.startupTimeout());
        ThreadAllocation allocation = ThreadAllocation.connect(service.jmxPort())) {
      s.load().run(service.port(), s.paths(), s.warmup(), work);
      // Requests in flight when the warm-up load stopped finish now, in every configuration alike.
      Thread.sleep(1000);
      long countBefore = c.countsRequests() ? AgentRequestCount.settled(service.client(), metricsPort, s.paths(), 300) : 0;
      // The JMX readings and jcmd's JFR commands lie outside the CPU window; their threads are left
      // out of the allocation figures.
      ThreadAllocation.Reading allocatedBefore = allocation.read();
      Path recording = work.resolve(name + ".jfr");
      if (profile != null) {
        service.jcmd(JfrProfile.jcmdStart(recording).toArray(String[]::new));
      }
      double cpuBefore = service.cpuSeconds();
      WrkLoad.Result result;
      List<Double> windowScrapes = List.of();
      int windowScrapeFailures = 0;
      if (agent) {
        try (PeriodicScraper scraper = PeriodicScraper.start(metricsPort, s.scrapeIntervalSeconds())) {
          result = s.load().run(service.port(), s.paths(), s.seconds(), work);
          scraper.close();
          windowScrapes = scraper.millis();
          windowScrapeFailures = scraper.failures();
        }
      } else {
        result = s.load().run(service.port(), s.paths(), s.seconds(), work);
      }
      double cpuAfter = service.cpuSeconds();
      if (profile != null) {
        service.jcmd(JfrProfile.jcmdStop().toArray(String[]::new));
        profile.add(recording, result.requests());
      }
      ThreadAllocation.Reading allocatedAfter = allocation.read();

      RunResult.CountCheck count;
      ThreadAllocation.Delta sequentialAllocation;
      if (c.countsRequests()) {
        long countAfter = AgentRequestCount.settled(service.client(), metricsPort, s.paths(), 300);
        long sequentialBefore = AgentRequestCount.read(service.client(), metricsPort, s.paths());
        ThreadAllocation.Reading r0 = allocation.read();
        int failures = service.sequentialRequests(s.paths(), s.sequentialRequests());
        ThreadAllocation.Reading r1 = allocation.read();
        sequentialAllocation = ThreadAllocation.between(r0, r1, c);
        long sequentialAfter = AgentRequestCount.settled(service.client(), metricsPort, s.paths(), 300);
        count = new RunResult.CountCheck(true, countAfter - countBefore, result.requests(), s.load().connections(),
            s.sequentialRequests(), sequentialAfter - sequentialBefore, failures);
      } else {
        ThreadAllocation.Reading r0 = allocation.read();
        int failures = service.sequentialRequests(s.paths(), s.sequentialRequests());
        ThreadAllocation.Reading r1 = allocation.read();
        sequentialAllocation = ThreadAllocation.between(r0, r1, c);
        count = RunResult.CountCheck.notApplicable(s.sequentialRequests(), failures);
      }
      ThreadAllocation.Delta windowAllocation = ThreadAllocation.between(allocatedBefore, allocatedAfter, c);
      RunResult.Allocation bytes = new RunResult.Allocation(
          (double) windowAllocation.application() / result.requests(),
          (double) windowAllocation.agent() / result.requests(),
          (double) sequentialAllocation.application() / s.sequentialRequests(),
          windowAllocation.threadsEnded());

      double rss = service.rssMiB();
      double scrape = agent ? service.scrapeMillis(metricsPort, 20) : Double.NaN;
      Map<String, Double> nativeMemory = service.nativeMemoryMiB();
      double liveHeap = service.liveHeapMiB();
      return new RunResult(c, round, service.startupMillis, (cpuAfter - cpuBefore) / result.requests() * 1e6,
          result.p50Millis(), result.p99Millis(), rss, liveHeap, scrape, result, bytes, windowScrapes,
          windowScrapeFailures, nativeMemory, count);
    }
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs or --flag, got " + args[i]);
      }
      String name = args[i].substring(2);
      if (FLAGS.contains(name)) {
        m.put(name, "true");
      } else if (i + 1 < args.length) {
        m.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
    for (String required : List.of("demo", "weft", "otel", "docs", "work")) {
      if (!m.containsKey(required)) {
        throw new IllegalArgumentException("missing --" + required);
      }
    }
    return m;
  }
}
