package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.clients.HttpClientsApp;
import io.weft.smoke.clients.PreloadAgent;
import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Exposition;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.FreePort;
import io.weft.smoke.harness.HttpTargetServer;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.Scrape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * HttpURLConnection's classes loaded before Weft's premain (by another agent) are rewritten on the
 * agent's init thread, and then measured like any other: the retransformation path.
 */
class PreloadedUrlConnectionTest {

  @Test
  void alreadyLoadedHttpUrlConnectionIsRetransformedAndMeasured() throws IOException {
    int metricsPort = FreePort.pick();
    try (HttpTargetServer server = HttpTargetServer.start("urlconnection")) {
      List<String> arguments = ClientScripts.arguments(server, List.of("urlconnection"));
      assertCountedOnceAfterRetransformation(arguments, metricsPort);
    }
  }

  private static void assertCountedOnceAfterRetransformation(List<String> arguments, int metricsPort)
      throws IOException {
    try (ForkedJvm app = ForkedJvm.on(Jdk.java17())
            .javaagent(preloadAgentJar())
            .javaagent(BuildArtifacts.agentJar())
            .env("WEFT_PROMETHEUS_PORT", String.valueOf(metricsPort))
            .env("WEFT_LOG_LEVEL", "debug")
            .classpath(System.getProperty("java.class.path"))
            .mainClass(HttpClientsApp.class.getName(), "--await-agent", arguments.get(0))
            .start("preloaded-urlconnection")) {
      List<String> outcomes = ClientScripts.awaitOutcomes(app);
      assertEquals(ClientScripts.expectedOutcomes(List.of("urlconnection")), ClientScripts.withoutMessages(outcomes));
      for (String rewritten : List.of("sun.net.www.protocol.http.HttpURLConnection",
          "sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection")) {
        assertEquals(1, app.stderrLines().stream().filter(l -> l.equals("[weft] DEBUG instrumented " + rewritten))
            .count(), rewritten + " rewritten once: " + app.describeOutput());
      }
      Exposition e = Exposition.parse(
          Scrape.get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).text());
      assertEquals(ClientScripts.expectedSeries(outcomes, arguments), ClientScripts.scrapedSeries(e));
    }
  }

  /** A jar holding {@link PreloadAgent} with a manifest naming it as premain class. */
  private static Path preloadAgentJar() throws IOException {
    Path jar = BuildArtifacts.logDirectory().resolve("preload-agent.jar");
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), PreloadAgent.class.getName());
    String entry = PreloadAgent.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = PreloadAgent.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
