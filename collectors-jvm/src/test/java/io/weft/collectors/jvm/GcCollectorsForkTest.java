package io.weft.collectors.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.weft.bootstrap.metrics.MetricRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jvm.gc.duration under each collector, each in a JVM of its own running {@link GcProbe}. Runs on
 * the JVM that runs the tests, and also on every JDK listed in the system property {@code
 * weft.test.extraJavaHomes} (path-separated; the build sets it to Temurin 25 where installed).
 *
 * <p>What each collector reports for one {@code System.gc()} (cause {@code System.gc()}):
 * <ul>
 *   <li>G1: one {@code G1 Old Generation / end of major GC} (a full, stop-the-world collection);
 *   <li>Parallel: one {@code PS MarkSweep / end of major GC}, preceded on Java 17 by a {@code PS
 *       Scavenge / end of minor GC} (the scavenge-before-full-GC that later JDKs dropped);
 *   <li>Serial: one {@code MarkSweepCompact / end of major GC};
 *   <li>ZGC, single-generation (Java 17): one {@code ZGC Cycles / end of GC cycle}, the whole mostly
 *       concurrent cycle, and at least three {@code ZGC Pauses / end of GC pause}, its stop-the-world
 *       pauses; generational (Java 21+): the same under {@code ZGC Major Cycles} and {@code ZGC Major
 *       Pauses}.
 * </ul>
 * In every case each collector bean's collection count is matched by the histogram's count for that
 * name, and the histogram's sum (seconds) by the bean's collection time (milliseconds) to within the
 * 1 ms rounding of each of the two.
 */
class GcCollectorsForkTest {

  static Stream<Arguments> collectorsAndJdks() {
    List<String> homes = new ArrayList<>();
    homes.add(System.getProperty("java.home"));
    String extra = System.getProperty("weft.test.extraJavaHomes", "");
    for (String home : extra.split(File.pathSeparator)) {
      if (!home.isBlank()) {
        homes.add(home.trim());
      }
    }
    List<Arguments> all = new ArrayList<>();
    for (String home : homes) {
      for (String gc : List.of("G1", "Parallel", "Serial", "Z")) {
        all.add(Arguments.of(gc, home));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("collectorsAndJdks")
  void systemGcIsRecordedWithTheCollectorsNameActionCauseAndDuration(String gc, String javaHome)
      throws Exception {
    List<String> lines = runProbe(javaHome, "-XX:+Use" + gc + "GC");
    List<String> beans = new ArrayList<>();
    List<Series> series = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\\|", -1);
      switch (f[0]) {
        case "timeout" -> fail("the probe timed out waiting for notifications: " + lines);
        case "bean" -> beans.add(line);
        case "point" -> series.add(new Series(f[1], f[2], f[3], Long.parseLong(f[4]), Double.parseDouble(f[5]), f[6]));
        default -> { }
      }
    }
    assertFalse(beans.isEmpty(), "no bean lines in " + lines);

    for (String bean : beans) {
      String[] f = bean.split("\\|");
      String name = f[1];
      long collections = Long.parseLong(f[2]);
      long millis = Long.parseLong(f[3]);
      long count = series.stream().filter(s -> s.name.equals(name)).mapToLong(s -> s.count).sum();
      double seconds = series.stream().filter(s -> s.name.equals(name)).mapToDouble(s -> s.sum).sum();
      assertEquals(collections, count, name + ": histogram count vs bean collection count in " + lines);
      assertTrue(Math.abs(seconds * 1000 - millis) <= 2 * collections + 1e-6,
          name + ": " + seconds + " s recorded vs " + millis + " ms counted by the bean, in " + lines);
    }
    for (Series s : series) {
      assertEquals("[0.01, 0.1, 1.0, 10.0]", s.bounds, "semconv GC buckets");
    }

    switch (gc) {
      case "G1" -> assertEquals(1, count(series, "G1 Old Generation", "end of major GC"), lines.toString());
      case "Parallel" -> assertEquals(1, count(series, "PS MarkSweep", "end of major GC"), lines.toString());
      case "Serial" -> assertEquals(1, count(series, "MarkSweepCompact", "end of major GC"), lines.toString());
      case "Z" -> {
        boolean generational = lines.get(0).contains("ZGC Major Cycles");
        String cycles = generational ? "ZGC Major Cycles" : "ZGC Cycles";
        String pauses = generational ? "ZGC Major Pauses" : "ZGC Pauses";
        assertEquals(1, count(series, cycles, "end of GC cycle"), lines.toString());
        assertTrue(count(series, pauses, "end of GC pause") >= 3, lines.toString());
      }
      default -> fail("unknown collector " + gc);
    }
  }

  private static long count(List<Series> series, String name, String action) {
    return series.stream()
        .filter(s -> s.name.equals(name) && s.action.equals(action) && s.cause.equals("System.gc()"))
        .mapToLong(s -> s.count)
        .sum();
  }

  private record Series(String name, String action, String cause, long count, double sum, String bounds) {}

  /** Runs {@link GcProbe} and returns its stdout lines, the first being the bean list. */
  private static List<String> runProbe(String javaHome, String gcFlag) throws Exception {
    Path java = Path.of(javaHome, "bin", "java");
    assertTrue(Files.isExecutable(java), "no java at " + java);
    String classpath = String.join(File.pathSeparator, location(GcProbe.class),
        location(JvmCollectors.class), location(MetricRegistry.class));
    Process process = new ProcessBuilder(java.toString(), "-Xmx128m", gcFlag, "-XX:TieredStopAtLevel=1",
        "-cp", classpath, GcProbe.class.getName()).start();
    try {
      CompletableFuture<String> out = readAll(process.getInputStream());
      CompletableFuture<String> err = readAll(process.getErrorStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        fail("the probe did not finish within 60 s");
      }
      String stdout = out.get(10, TimeUnit.SECONDS);
      assertEquals(0, process.exitValue(), "probe failed: " + stdout + err.get(10, TimeUnit.SECONDS));
      List<String> lines = new ArrayList<>(stdout.lines().toList());
      lines.removeIf(l -> !(l.startsWith("beans|") || l.startsWith("bean|") || l.startsWith("point|")
          || l.startsWith("timeout|")));
      assertTrue(!lines.isEmpty() && lines.get(0).startsWith("beans|"), "unexpected output: " + stdout);
      return lines;
    } finally {
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "<" + e + ">";
      }
    });
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
