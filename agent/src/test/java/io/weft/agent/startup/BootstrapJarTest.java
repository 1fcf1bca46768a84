package io.weft.agent.startup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapJarTest {
  @TempDir Path dir;

  private static final byte[] NESTED = "not really a jar, but bytes to copy exactly".getBytes();

  private Path agentJar(String version, boolean withNested) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (version != null) {
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
    }
    Path jar = dir.resolve("weft-agent.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      if (withNested) {
        out.putNextEntry(new JarEntry(BootstrapJar.NESTED_PATH));
        out.write(NESTED);
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void readsTheVersionFromTheManifest() throws IOException {
    assertEquals("1.2.3", BootstrapJar.at(agentJar("1.2.3", true)).version());
    assertEquals(null, BootstrapJar.at(agentJar(null, true)).version());
  }

  @Test
  void extractsTheNestedJarToAPrivateFileWithAFreshName() throws IOException {
    BootstrapJar jar = BootstrapJar.at(agentJar("1.2.3", true));
    Path out = Files.createDirectory(dir.resolve("tmp"));

    Path first = jar.extractTo(out);
    Path second = jar.extractTo(out);

    assertArrayEquals(NESTED, Files.readAllBytes(first));
    assertArrayEquals(NESTED, Files.readAllBytes(second));
    assertNotEquals(first, second);
    assertEquals(true, first.getFileName().toString().matches("weft-bootstrap-[0-9a-f]+\\.jar"), first.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void extractionSkipsNamesAlreadyTaken() throws IOException {
    BootstrapJar jar = BootstrapJar.at(agentJar("1.2.3", true));
    Path out = Files.createDirectory(dir.resolve("tmp"));
    for (int i = 0; i < 20; i++) {
      jar.extractTo(out);
    }
    try (Stream<Path> files = Files.list(out)) {
      List<Path> all = files.toList();
      assertEquals(20, all.size());
      for (Path file : all) {
        assertArrayEquals(NESTED, Files.readAllBytes(file));
      }
    }
  }

  @Test
  void jarWithoutTheNestedBootstrapJarIsRefused() throws IOException {
    Path jar = agentJar("1.2.3", false);
    IOException e = assertThrows(IOException.class, () -> BootstrapJar.at(jar));
    assertEquals(jar + " holds no META-INF/weft/weft-bootstrap.jar; is it the weft-agent.jar built by this project?",
        e.getMessage());
  }

  @Test
  void classesFromADirectoryAreRefused() {
    IOException e = assertThrows(IOException.class, () -> BootstrapJar.of(BootstrapJar.class));
    assertEquals(true, e.getMessage().endsWith(
        " is not the agent jar (not a file); start Weft with -javaagent:weft-agent.jar"), e.getMessage());
  }
}
