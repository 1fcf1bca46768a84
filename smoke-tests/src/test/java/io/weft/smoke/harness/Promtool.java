package io.weft.smoke.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * {@code promtool check metrics} on a scrape body in the Prometheus text format: a parse error
 * fails, and so does every lint finding that {@link PromtoolLintAllowList} does not accept.
 *
 * <p>promtool reads only the text format 0.0.4 (version 2.42 rejects {@code # TYPE x info},
 * {@code # EOF} and other OpenMetrics syntax), so OpenMetrics bodies are checked by
 * {@link OpenMetricsCheck} instead. Without promtool on PATH the test fails on CI and is skipped
 * elsewhere.
 */
public final class Promtool {
  private Promtool() {}

  public static void assertPasses(String textFormatBody) {
    Path promtool = Executables.require("promtool", "Debian: apt-get install prometheus");
    Process process;
    try {
      process =
          new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(textFormatBody.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        Assertions.fail("promtool did not finish within 30 s");
      }
      check(process.exitValue(), output, textFormatBody);
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + promtool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running promtool", e);
    }
  }

  private static void check(int exitCode, String output, String body) {
    if (exitCode == 0) {
      return;
    }
    // Exit 3 means lint findings, one "<metric> <message>" line each; anything else is an error.
    Assertions.assertEquals(3, exitCode, "promtool check metrics failed:\n" + output + "\non body:\n" + body);
    List<String> rejected = new ArrayList<>();
    for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
      int space = line.indexOf(' ');
      if (line.startsWith("error") || space < 0 || !PromtoolLintAllowList.permits(line.substring(0, space), line.substring(space + 1))) {
        rejected.add(line);
      }
    }
    Assertions.assertEquals(
        List.of(), rejected, "promtool findings outside PromtoolLintAllowList, on body:\n" + body);
  }
}
