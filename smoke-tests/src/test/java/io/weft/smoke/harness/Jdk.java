package io.weft.smoke.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A JDK to fork the demo on. The smoke tests run on Java 17 (the build's own JVM when it is 17) and
 * on Temurin 25; either home can be overridden with {@code -Dweft.smoke.jdk17.home} or
 * {@code -Dweft.smoke.jdk25.home}.
 */
public record Jdk(String name, Path home) {
  private static final Path DEBIAN_JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
  private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  public static Jdk java17() {
    String override = System.getProperty("weft.smoke.jdk17.home");
    if (override != null) {
      return new Jdk("Java 17", Path.of(override));
    }
    Path running = Path.of(System.getProperty("java.home"));
    return new Jdk("Java 17", Runtime.version().feature() == 17 ? running : DEBIAN_JAVA_17);
  }

  public static Jdk temurin25() {
    String override = System.getProperty("weft.smoke.jdk25.home");
    return new Jdk("Temurin 25", override != null ? Path.of(override) : TEMURIN_25);
  }

  /** Both JDKs, for {@code @MethodSource("io.weft.smoke.harness.Jdk#both")}. */
  public static Stream<Jdk> both() {
    return Stream.of(java17(), temurin25());
  }

  public Path java() {
    return home.resolve("bin").resolve("java");
  }

  /** Fails under CI, skips elsewhere, when this JDK is not installed. */
  public Jdk requireInstalled() {
    if (!Files.isExecutable(java())) {
      Requirement.unmet(name + " is not installed at " + home);
    }
    return this;
  }

  @Override
  public String toString() {
    return name;
  }
}
