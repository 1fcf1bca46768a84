package io.weft.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A virtual thread usually runs one task: binding on it must not allocate a per-thread instance each
 * time (a thread-local one cost about 330 bytes per task). Runs {@link VirtualThreadBindProbe} on
 * the second JDK, which has virtual threads.
 */
class VirtualThreadBindTest {

  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @Test
  void aBindOnANewVirtualThreadAllocatesLessThanTheOldLookupKey() throws IOException, InterruptedException {
    if (!Files.isExecutable(JDK25)) {
      String reason = JDK25 + " is missing";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(reason + " (CI=true: .ci/run must provide it)");
      }
      System.err.println("[bootstrap] skipped: " + reason);
      Assumptions.abort(reason);
    }
    Process probe = new ProcessBuilder(JDK25.toString(), "-cp", System.getProperty("java.class.path"),
        VirtualThreadBindProbe.class.getName()).redirectErrorStream(true).start();
    assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "the probe ends");
    String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, probe.exitValue(), out);
    assertTrue(out.startsWith("bytes per task "), out);
    long bytes = Long.parseLong(out.substring("bytes per task ".length()));
    // Zero in principle; the probe's baseline is the minimum of a few rounds, so a few bytes of noise.
    assertTrue(bytes < 40, "bytes allocated per task by one bind on a new virtual thread: " + bytes);
  }
}
