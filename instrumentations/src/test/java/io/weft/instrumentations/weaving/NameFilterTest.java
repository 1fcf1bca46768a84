package io.weft.instrumentations.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The constant-pool filter against ASM's reading of the same bytes, over every class of the JDK's
 * {@code java.base}, {@code java.sql} and {@code java.net.http} modules: it must answer exactly
 * whether some string constant is one of the names (so it never hides a class whose supertype is
 * wanted), and it must never miss a class that does extend or implement one of them.
 */
class NameFilterTest {

  private static final Set<String> NAMES = Set.of("java/sql/Statement", "java/lang/Runnable",
      "java/util/AbstractList", "java/util/concurrent/ThreadPoolExecutor", "jakarta/servlet/FilterChain");

  @Test
  void agreesWithAsmOnEveryClassOfSomeJdkModules() throws IOException {
    NameFilter filter = new NameFilter(NAMES);
    int classes = 0;
    int named = 0;
    int extending = 0;
    for (byte[] classFile : jdkClassFiles("java.base", "java.sql", "java.net.http")) {
      ClassReader reader = new ClassReader(classFile);
      boolean expected = stringConstants(reader, classFile).stream().anyMatch(NAMES::contains);
      assertEquals(expected, filter.namedIn(classFile), reader.getClassName());
      String superName = reader.getSuperName();
      if ((superName != null && NAMES.contains(superName)) || Arrays.stream(reader.getInterfaces()).anyMatch(NAMES::contains)) {
        assertTrue(filter.namedIn(classFile), reader.getClassName() + " has a wanted supertype");
        extending++;
      }
      classes++;
      named += expected ? 1 : 0;
    }
    assertTrue(classes > 5000, "read " + classes + " classes");
    assertTrue(extending > 50, extending + " classes extend or implement one of the names");
    assertTrue(named > extending && named < classes / 2, named + " of " + classes + " name one of them");
  }

  @Test
  void bytesItCannotWalkAreLeftToTheFullReader() {
    NameFilter filter = new NameFilter(NAMES);
    assertTrue(filter.namedIn(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 5, 1}),
        "truncated in the constant pool");
    assertTrue(filter.namedIn(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 2, 99, 0}),
        "unknown constant tag");
    assertFalse(filter.namedIn(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 1}),
        "an empty constant pool names nothing");
  }

  /**
   * Every CONSTANT_Utf8 of the class, at the offsets ASM's own walk of the constant pool found (the
   * walk is what the filter does differently); decoded as UTF-8, which equals modified UTF-8 for the
   * ASCII names compared here.
   */
  private static List<String> stringConstants(ClassReader reader, byte[] classFile) {
    List<String> strings = new ArrayList<>();
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset > 0 && reader.readByte(offset - 1) == 1) {
        strings.add(new String(classFile, offset + 2, reader.readUnsignedShort(offset), StandardCharsets.UTF_8));
      }
    }
    return strings;
  }

  private static List<byte[]> jdkClassFiles(String... modules) throws IOException {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    List<byte[]> files = new ArrayList<>();
    for (String module : modules) {
      try (Stream<Path> paths = Files.walk(jrt.getPath("/modules", module))) {
        for (Path p : (Iterable<Path>) paths::iterator) {
          if (p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class")) {
            files.add(Files.readAllBytes(p));
          }
        }
      }
    }
    return files;
  }
}
