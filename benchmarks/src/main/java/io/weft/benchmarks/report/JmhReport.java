package io.weft.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH CSV results ({@code -rf csv}, one file per thread count, with {@code -prof gc}) into
 * the JMH section of {@code docs/performance.md}: for each operation, Weft beside its peers and the
 * ratio to the fastest peer. Benchmark methods are named {@code operation_library}.
 *
 * <p>Usage: {@code JmhReport docs/performance.md "command" results-t1.csv results-t2.csv ...}
 */
public final class JmhReport {

  private static final List<String> LIBRARIES = List.of("weft", "prometheus", "otel", "micrometer");
  private static final Map<String, String> LIBRARY_LABELS = Map.of(
      "weft", "Weft", "prometheus", "client_java 1.x", "otel", "OpenTelemetry SDK", "micrometer", "Micrometer");

  /** Score and allocation of one benchmark at one thread count. */
  record Result(double score, double error, String unit, double bytesPerOp) {}

  public static void main(String[] args) throws IOException {
    Path doc = Path.of(args[0]);
    String command = args[1];
    // threads -> benchmark -> result
    Map<Integer, Map<String, Result>> byThreads = new TreeMap<>();
    for (int i = 2; i < args.length; i++) {
      for (Map.Entry<String, Map<Integer, Result>> e : parse(Path.of(args[i])).entrySet()) {
        e.getValue().forEach((t, r) -> byThreads.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(e.getKey(), r));
      }
    }
    MarkdownSection.replace(doc, "jmh", render(byThreads, command));
  }

  static Map<String, Map<Integer, Result>> parse(Path csv) throws IOException {
    Map<String, Map<Integer, Double>> alloc = new LinkedHashMap<>();
    Map<String, Map<Integer, String[]>> primary = new LinkedHashMap<>();
    List<String> paramNames = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      if (line.startsWith("\"Benchmark\"")) {
        for (int i = 7; i < f.length; i++) {
          paramNames.add(f[i].replace("\"", "").replace("Param: ", ""));
        }
        continue;
      }
      String full = f[0].replace("\"", "");
      int threads = Integer.parseInt(f[2]);
      String name = full.substring(full.lastIndexOf('.', full.contains(":") ? full.indexOf(':') : full.length()) + 1);
      name = withParams(name, paramNames, f);
      if (name.contains(":")) {
        if (name.endsWith(":gc.alloc.rate.norm")) {
          alloc.computeIfAbsent(name.substring(0, name.indexOf(':')), k -> new TreeMap<>())
              .put(threads, Double.parseDouble(f[4]));
        }
        continue;
      }
      primary.computeIfAbsent(name, k -> new TreeMap<>()).put(threads, f);
    }
    Map<String, Map<Integer, Result>> results = new LinkedHashMap<>();
    primary.forEach((name, byT) -> byT.forEach((t, f) -> results.computeIfAbsent(name, k -> new TreeMap<>())
        .put(t, new Result(Double.parseDouble(f[4]), parseOrNaN(f[5]), f[6].replace("\"", ""),
            alloc.getOrDefault(name, Map.of()).getOrDefault(t, Double.NaN)))));
    return results;
  }

  /** {@code collect} with parameters becomes {@code collect[liveThreads=200]}; a secondary {@code :gc...} suffix stays last. */
  private static String withParams(String name, List<String> paramNames, String[] f) {
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < paramNames.size() && 7 + i < f.length; i++) {
      String v = f[7 + i].replace("\"", "");
      if (!v.isEmpty()) {
        params.append(params.length() == 0 ? "[" : ",").append(paramNames.get(i)).append('=').append(v);
      }
    }
    if (params.length() == 0) {
      return name;
    }
    params.append(']');
    int colon = name.indexOf(':');
    return colon < 0 ? name + params : name.substring(0, colon) + params + name.substring(colon);
  }

  private static double parseOrNaN(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  static String render(Map<Integer, Map<String, Result>> byThreads, String command) {
    StringBuilder md = new StringBuilder();
    md.append("Measured on ").append(LocalDate.now()).append(" with `").append(command)
        .append("`. Average time per operation (ns/op, ± 99.9% error) and allocation per operation "
            + "(`-prof gc`, B/op); each thread records into the same pre-bound series.\n\n");
    md.append("| operation | threads |");
    LIBRARIES.forEach(l -> md.append(' ').append(LIBRARY_LABELS.get(l)).append(" |"));
    md.append(" Weft B/op | client_java B/op | Weft ÷ fastest peer |\n|---|---|").append("---|".repeat(LIBRARIES.size()))
        .append("---|---|---|\n");
    List<String> others = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, Result>> t : byThreads.entrySet()) {
      Map<String, Map<String, Result>> ops = new LinkedHashMap<>();
      t.getValue().forEach((name, r) -> {
        int u = name.lastIndexOf('_');
        String lib = u < 0 ? "" : name.substring(u + 1);
        if (LIBRARIES.contains(lib)) {
          ops.computeIfAbsent(name.substring(0, u), k -> new LinkedHashMap<>()).put(lib, r);
        } else {
          others.add(String.format(Locale.ROOT, "| %s | %d | %s | %s |", name, t.getKey(), format(r),
              Double.isNaN(r.bytesPerOp()) ? "–" : String.format(Locale.ROOT, "%.1f", r.bytesPerOp())));
        }
      });
      ops.forEach((op, libs) -> {
        md.append("| ").append(op).append(" | ").append(t.getKey()).append(" |");
        double fastestPeer = Double.MAX_VALUE;
        for (String l : LIBRARIES) {
          Result r = libs.get(l);
          md.append(' ').append(r == null ? "–" : format(r)).append(" |");
          if (r != null && !l.equals("weft")) {
            fastestPeer = Math.min(fastestPeer, r.score());
          }
        }
        Result w = libs.get("weft");
        md.append(' ').append(bytes(w)).append(" |");
        md.append(' ').append(bytes(libs.get("prometheus"))).append(" |");
        md.append(' ').append(w == null || fastestPeer == Double.MAX_VALUE ? "–"
            : String.format(Locale.ROOT, "%.2f", w.score() / fastestPeer)).append(" |\n");
      });
    }
    if (!others.isEmpty()) {
      md.append("\nOther Weft operations:\n\n| benchmark | threads | time | B/op |\n|---|---|---|---|\n");
      others.forEach(o -> md.append(o).append('\n'));
    }
    return md.toString();
  }

  private static String bytes(Result r) {
    return r == null || Double.isNaN(r.bytesPerOp()) ? "–" : String.format(Locale.ROOT, "%.1f", r.bytesPerOp());
  }

  private static String format(Result r) {
    String unit = r.unit().equals("ns/op") ? "" : " " + r.unit();
    return Double.isNaN(r.error())
        ? String.format(Locale.ROOT, "%.1f%s", r.score(), unit)
        : String.format(Locale.ROOT, "%.1f ± %.1f%s", r.score(), r.error(), unit);
  }
}
