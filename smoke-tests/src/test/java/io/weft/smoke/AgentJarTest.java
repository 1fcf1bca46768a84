package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/** The shape of {@code agent/target/weft-agent.jar}: isolation, manifest, nested bootstrap jar. */
class AgentJarTest {
  private static final String NESTED_BOOTSTRAP = "META-INF/weft/weft-bootstrap.jar";

  @Test
  void everyClassLiesUnderIoWeft() throws IOException {
    List<String> outside = new ArrayList<>();
    try (JarFile jar = new JarFile(BuildArtifacts.agentJar().toFile())) {
      jar.stream()
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .filter(name -> !name.startsWith("META-INF/") && !name.equals("module-info.class"))
          .filter(name -> !name.startsWith("io/weft/"))
          .forEach(outside::add);
    }
    assertEquals(List.of(), outside, "classes outside io/weft/ (relocate them under io.weft.shaded)");
  }

  @Test
  void bootstrapClassesAreOnlyInTheNestedJar() throws IOException {
    List<String> nestedOutsideBootstrap = new ArrayList<>();
    int nestedClasses = 0;
    try (JarFile jar = new JarFile(BuildArtifacts.agentJar().toFile())) {
      assertTrue(
          jar.stream().noneMatch(e -> e.getName().startsWith("io/weft/bootstrap/")
              || e.getName().startsWith("io/weft/instrumentations/")
              || e.getName().startsWith("io/weft/shaded/org/objectweb/asm/")),
          "bootstrap, instrumentation or ASM classes in the agent jar itself would load twice");
      JarEntry nested = jar.getJarEntry(NESTED_BOOTSTRAP);
      assertNotNull(nested, NESTED_BOOTSTRAP + " is missing");
      try (InputStream in = jar.getInputStream(nested);
          JarInputStream bootstrap = new JarInputStream(in)) {
        for (JarEntry entry = bootstrap.getNextJarEntry(); entry != null; entry = bootstrap.getNextJarEntry()) {
          if (entry.getName().endsWith(".class")) {
            nestedClasses++;
            if (!entry.getName().startsWith("io/weft/bootstrap/")
                && !entry.getName().startsWith("io/weft/instrumentations/")
                && !entry.getName().startsWith("io/weft/shaded/")) {
              nestedOutsideBootstrap.add(entry.getName());
            }
          }
        }
      }
    }
    assertTrue(nestedClasses > 0, NESTED_BOOTSTRAP + " holds no classes");
    assertEquals(List.of(), nestedOutsideBootstrap,
        "classes in the nested bootstrap jar outside io/weft/{bootstrap,instrumentations,shaded}/");
  }

  @Test
  void manifestDeclaresTheAgent() throws IOException {
    try (JarFile jar = new JarFile(BuildArtifacts.agentJar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertEquals("io.weft.agent.WeftAgent", main.getValue("Premain-Class"));
      assertEquals("io.weft.agent.WeftAgent", main.getValue("Agent-Class"));
      assertEquals("true", main.getValue("Can-Retransform-Classes"));
      assertEquals("true", main.getValue("Can-Redefine-Classes"));
      assertEquals(BuildArtifacts.version(), main.getValue("Implementation-Version"));
    }
  }

  @Test
  void premainClassIsInTheJar() throws IOException {
    try (JarFile jar = new JarFile(BuildArtifacts.agentJar().toFile())) {
      assertNotNull(jar.getJarEntry("io/weft/agent/WeftAgent.class"), "Premain-Class io.weft.agent.WeftAgent is missing");
    }
  }
}
