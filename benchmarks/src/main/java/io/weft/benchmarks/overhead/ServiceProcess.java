package io.weft.benchmarks.overhead;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo service in its own JVM, observed from outside: time to first served request, CPU time
 * and RSS from {@code /proc/<pid>}, scrape latency of its metrics endpoint, Native Memory Tracking
 * and other diagnostics through {@code jcmd}, and a remote JMX port bound to loopback for reading
 * per-thread allocation.
 */
final class ServiceProcess implements AutoCloseable {

  /** Linux clock ticks per second for {@code /proc/<pid>/stat} times ({@code getconf CLK_TCK}). */
  private static final double CLOCK_TICKS_PER_SECOND = 100.0;

  private final Process process;
  private final int port;
  private final int jmxPort;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  final double startupMillis;

  private ServiceProcess(Process process, int port, int jmxPort, double startupMillis) {
    this.process = process;
    this.port = port;
    this.jmxPort = jmxPort;
    this.startupMillis = startupMillis;
  }

  /**
   * Launches the service and returns once it has answered its first request.
   *
   * @param pinning a command prefix that pins the service to its cores, or empty
   */
  static ServiceProcess start(List<String> pinning, List<String> jvmArgs, Path demoJar, Map<String, String> env,
      Path log, Duration timeout) throws IOException, InterruptedException {
    int port = freePort();
    int jmxPort = freePort();
    List<String> command = new ArrayList<>(pinning);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(loopbackJmx(jmxPort));
    command.add("-jar");
    command.add(demoJar.toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("DEMO_PORT", Integer.toString(port));
    long launched = System.nanoTime();
    Process process = pb.start();
    ServiceProcess service = new ServiceProcess(process, port, jmxPort, 0);
    long deadline = launched + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("service exited with " + process.exitValue() + "; see " + log);
      }
      if (service.answers("/hello")) {
        double millis = (System.nanoTime() - launched) / 1e6;
        return new ServiceProcess(process, port, jmxPort, millis);
      }
      Thread.sleep(2);
    }
    process.destroyForcibly();
    throw new IOException("service did not answer within " + timeout.toSeconds() + " s; see " + log);
  }

  /** Remote JMX without authentication, so bound to loopback only and reachable from this machine alone. */
  static List<String> loopbackJmx(int jmxPort) {
    return List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.host=127.0.0.1",
        "-Dcom.sun.management.jmxremote.local.only=true",
        "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false",
        "-Djava.rmi.server.hostname=127.0.0.1");
  }

  int jmxPort() {
    return jmxPort;
  }

  private boolean answers(String path) {
    try {
      HttpResponse<Void> r = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  HttpClient client() {
    return client;
  }

  /**
   * Sends {@code n} GETs one after another over one plain HTTP/1.1 client, cycling through the
   * paths, and returns how many did not answer 2xx.
   */
  int sequentialRequests(List<String> paths, int n) throws IOException, InterruptedException {
    int failed = 0;
    for (int i = 0; i < n; i++) {
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + paths.get(i % paths.size()))).timeout(Duration.ofSeconds(10)).build();
      HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 != 2) {
        failed++;
      }
    }
    return failed;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** User plus system CPU seconds used so far. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }

  /** Resident set size in MiB. */
  double rssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for " + process.pid());
  }

  /**
   * MiB of Java heap in use right after a full collection ({@code jcmd GC.run}, then {@code
   * GC.heap_info}): what stays live, the agent's registry and tables included.
   */
  double liveHeapMiB() throws IOException, InterruptedException {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IOException("no heap use in jcmd GC.heap_info for " + process.pid() + ": " + info);
    }
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  /** {@code jcmd VM.native_memory summary}: committed MiB by category (the JVM runs with NMT on). */
  java.util.Map<String, Double> nativeMemoryMiB() throws IOException, InterruptedException {
    String summary = jcmd("VM.native_memory", "summary");
    java.util.Map<String, Double> committed = NativeMemory.committedMiB(summary);
    if (committed.isEmpty()) {
      throw new IOException("no categories in jcmd VM.native_memory summary for " + process.pid() + ": " + summary);
    }
    return committed;
  }

  String jcmd(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(process.pid()));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /** Median milliseconds of {@code n} sequential GETs of a metrics URL (after one warm-up GET). */
  double scrapeMillis(int metricsPort, int n) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      times.add((System.nanoTime() - start) / 1e6);
      if (r.statusCode() != 200) {
        throw new IOException("scrape answered " + r.statusCode());
      }
    }
    return io.weft.benchmarks.report.Stats.of(times).median();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
