package io.weft.smoke.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/**
 * The jars the reactor built before this module: their paths come from system properties that
 * {@code smoke-tests/pom.xml} sets relative to the project, never from absolute paths.
 */
public final class BuildArtifacts {
  private BuildArtifacts() {}

  public static Path agentJar() {
    return existingFile("weft.agent.jar");
  }

  public static Path demoJar() {
    return existingFile("weft.demo.jar");
  }

  /**
   * The folder holding embedded Tomcat 9's jars (copied there by the build): a javax container whose
   * classes share their names with Tomcat 11's, so it cannot be on the test class path.
   */
  public static Path tomcat9Jars() {
    Path path = Path.of(property("weft.smoke.tomcat9.jars")).toAbsolutePath().normalize();
    Assertions.assertTrue(Files.isDirectory(path), path + " is missing: build it with `mvn verify` from the project root");
    return path;
  }

  /**
   * The OpenTelemetry Java agent jar (the release in the parent pom's {@code otel-javaagent.version}), copied
   * there by the build: the reference the semantic-convention comparison runs beside Weft.
   */
  public static Path otelJavaagentJar() {
    return existingFile("weft.otel.javaagent.jar");
  }

  /** The project version, which the agent's manifest and start-up line must carry. */
  public static String version() {
    return property("weft.version");
  }

  /** Where forked JVMs leave their stdout and stderr files. */
  public static Path logDirectory() {
    return Path.of(property("weft.smoke.logs"));
  }

  private static Path existingFile(String key) {
    Path path = Path.of(property(key)).toAbsolutePath().normalize();
    Assertions.assertTrue(
        Files.isRegularFile(path), path + " is missing: build it with `mvn verify` from the project root");
    return path;
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    Assertions.assertNotNull(value, "system property " + key + " is not set: run the smoke tests through Maven");
    return value;
  }
}
