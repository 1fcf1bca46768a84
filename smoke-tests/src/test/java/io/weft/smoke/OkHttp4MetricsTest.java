package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.Jdk;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OkHttp 4 through the built agent: the OkHttp script of {@link HttpClientMetricsTest}, run with OkHttp
 * 4.12 (and its Okio and Kotlin) in place of OkHttp 5, without and with the agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OkHttp4MetricsTest {
  private static final List<String> CLIENTS = List.of("okhttp");

  private ClientRuns runs;

  @BeforeAll
  void runTheScriptWithoutAndWithTheAgent() throws IOException {
    runs = ClientRuns.start(Jdk.java17(), okHttp4ClassPath(), CLIENTS, "okhttp4");
  }

  @AfterAll
  void stop() {
    if (runs != null) {
      runs.close();
    }
  }

  /** This module's test classes and the OkHttp 4 jars; none of the test class path's other libraries. */
  private static String okHttp4ClassPath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith("test-classes")) {
        entries.add(entry);
      }
    }
    assertEquals(1, entries.size(), "one test-classes entry on " + System.getProperty("java.class.path"));
    Path okhttp4 = Path.of(System.getProperty("weft.okhttp4.dir"));
    try (Stream<Path> jars = Files.list(okhttp4)) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
    }
    assertTrue(entries.stream().anyMatch(e -> e.endsWith("okhttp-4.12.0.jar")), "OkHttp 4 jars in " + okhttp4);
    return String.join(File.pathSeparator, entries);
  }

  @Test
  void everyCallGetsTheScriptedOutcomeAndTheSameWithTheAgent() {
    assertEquals(ClientScripts.expectedOutcomes(CLIENTS), ClientScripts.withoutMessages(runs.outcomesWithoutAgent()));
    assertEquals(ClientScripts.comparable(runs.outcomesWithoutAgent()),
        ClientScripts.comparable(runs.outcomesWithAgent()));
  }

  @Test
  void everyCallIsCountedOnceInTheSeriesItsOutcomeImplies() {
    assertEquals(ClientScripts.expectedSeries(runs.outcomesWithAgent(), runs.arguments()),
        ClientScripts.scrapedSeries(runs.scrape()), runs.app().describeOutput());
  }
}
