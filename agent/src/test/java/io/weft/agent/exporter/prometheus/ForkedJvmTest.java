package io.weft.agent.exporter.prometheus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a fresh JVM can show: exit behaviour, a runtime without jdk.httpserver, loaded classes. */
class ForkedJvmTest {

  @TempDir
  Path dir;

  @Test
  void aJvmWhoseMainReturnsExitsWhileTheEndpointIsServing() throws Exception {
    Path classLog = dir.resolve("classes.log");
    Result result = runProbe("-Xlog:class+load=info:file=" + classLog);
    assertEquals(0, result.exitCode);
    assertTrue(result.stdout.matches("scrape 200, \\d+ bytes\n"), result.stdout);
    assertTrue(result.stderr.matches("\\[weft] INFO serving Prometheus metrics on http://127\\.0\\.0\\.1:\\d+/metrics\n"),
        result.stderr);
    // Nothing of the server may initialise java.util.logging, whose configuration belongs to the
    // application (JBoss and others install their own LogManager).
    String loaded = Files.readString(classLog);
    assertTrue(loaded.contains("io.weft.agent.exporter.prometheus.transport.BoundedHttpServer "),
        "the probe did not load the server");
    assertFalse(loaded.contains("java.util.logging.LogManager "), "java.util.logging was initialised");
  }

  @Test
  void withoutTheJdkHttpserverModuleStartReturnsNullAfterOneErrorLine() throws Exception {
    Result result = runProbe("--limit-modules", "java.base");
    assertEquals(0, result.exitCode);
    assertEquals("no endpoint\n", result.stdout);
    assertEquals("[weft] ERROR WEFT_PROMETHEUS_HOST/WEFT_PROMETHEUS_PORT: cannot serve Prometheus metrics on"
        + " 127.0.0.1:0: this Java runtime has no jdk.httpserver module (add it with --add-modules"
        + " jdk.httpserver, or to the jlink image); the Prometheus endpoint is off\n", result.stderr);
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private Result runProbe(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), EndpointProbe.class.getName()));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // A non-daemon thread left behind would keep the probe alive: then this times out.
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe JVM did not exit within 60 s: " + Files.readString(err));
    }
    return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
  }
}
