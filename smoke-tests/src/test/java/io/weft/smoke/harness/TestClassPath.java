package io.weft.smoke.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Class paths for applications forked from the smoke tests' own class path: the test class path
 * holds several servlet containers side by side (and a second copy of the servlet API inside
 * Tomcat's jar), so each forked application gets the entries of its own container only.
 *
 * <pre>{@code
 * String tomcat = TestClassPath.without("jetty-", "undertow-", "xnio-", "jakarta.servlet-api-");
 * }</pre>
 */
public final class TestClassPath {
  private TestClassPath() {}

  /** The test class path minus the jars whose file names start with one of the prefixes. */
  public static String without(String... jarPrefixes) {
    List<String> kept = new ArrayList<>();
    for (String entry : entries()) {
      String name = Path.of(entry).getFileName().toString();
      if (Arrays.stream(jarPrefixes).noneMatch(name::startsWith)) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  /**
   * The test classes (not the test's libraries) plus every jar in a folder: for an application
   * whose libraries cannot share the test class path at all (another major version of a container).
   */
  public static String testClassesWithJarsIn(Path folder) {
    List<String> kept = new ArrayList<>();
    for (String entry : entries()) {
      if (Files.isDirectory(Path.of(entry))) {
        kept.add(entry);
      }
    }
    try (Stream<Path> jars = Files.list(folder)) {
      jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(p -> kept.add(p.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": build it with `mvn verify`", e);
    }
    return String.join(File.pathSeparator, kept);
  }

  private static List<String> entries() {
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }
}
