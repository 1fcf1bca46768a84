package io.weft.agent.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The agent jar and the bootstrap jar nested in it ({@value #NESTED_PATH}), which must be appended to
 * the boot class path before any {@code io.weft.bootstrap} class is loaded.
 *
 * <p>Runs before that append: it must never reference an {@code io.weft.bootstrap} class, nor
 * anything that does (so no {@code WeftLog}; failures are exceptions whose message becomes the one
 * error line).
 *
 * <p>Each JVM extracts its own copy under a fresh name, readable only by the user, deleted on exit. A
 * shared, reused copy would be deleted by whichever JVM exits first while others still read it.
 */
public final class BootstrapJar {
  /** Where the build nests the bootstrap jar inside the agent jar. */
  public static final String NESTED_PATH = "META-INF/weft/weft-bootstrap.jar";

  private final Path agentJar;
  private final String version;

  private BootstrapJar(Path agentJar, String version) {
    this.agentJar = agentJar;
    this.version = version;
  }

  /**
   * The jar that {@code agentClass} was loaded from.
   *
   * @throws IOException when the class does not come from a jar file holding the nested bootstrap jar
   */
  public static BootstrapJar of(Class<?> agentClass) throws IOException {
    CodeSource source = agentClass.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IOException("cannot find the agent jar: " + agentClass.getName() + " has no code source");
    }
    Path path;
    try {
      path = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot find the agent jar at " + source.getLocation() + ": " + e.getMessage());
    }
    return at(path);
  }

  /** The agent jar at {@code path}, checked to hold the nested bootstrap jar. */
  public static BootstrapJar at(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + " is not the agent jar (not a file); start Weft with -javaagent:weft-agent.jar");
    }
    try (JarFile jar = new JarFile(path.toFile(), false)) {
      if (jar.getEntry(NESTED_PATH) == null) {
        throw new IOException(path + " holds no " + NESTED_PATH + "; is it the weft-agent.jar built by this project?");
      }
      Manifest manifest = jar.getManifest();
      String version = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      return new BootstrapJar(path, version);
    }
  }

  public Path agentJar() {
    return agentJar;
  }

  /** {@code Implementation-Version} from the agent jar's manifest, or null. */
  public String version() {
    return version;
  }

  /**
   * Copies the nested bootstrap jar to a new file in {@code directory} that only this user can read,
   * to be deleted when the JVM exits.
   */
  public Path extractTo(Path directory) throws IOException {
    Path target = createUniqueFile(directory);
    try (JarFile jar = new JarFile(agentJar.toFile(), false)) {
      JarEntry entry = jar.getJarEntry(NESTED_PATH);
      if (entry == null) {
        throw new IOException(agentJar + " holds no " + NESTED_PATH);
      }
      // Writes into the file created above rather than replacing it, which would drop its permissions.
      try (InputStream in = jar.getInputStream(entry);
          OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        in.transferTo(out);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    return target;
  }

  /**
   * A new, empty file. Names come from the clock rather than {@link Files#createTempFile}, whose
   * SecureRandom costs tens of milliseconds to seed on a cold JVM; creation fails on a name already
   * taken, so a clash just moves on to the next name.
   */
  private static Path createUniqueFile(Path directory) throws IOException {
    long stamp = System.nanoTime() ^ System.currentTimeMillis() << 20;
    for (int attempt = 0; ; attempt++) {
      Path candidate = directory.resolve("weft-bootstrap-" + Long.toHexString(stamp + attempt) + ".jar");
      try {
        Path created;
        try {
          created = Files.createFile(candidate, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          created = Files.createFile(candidate);
        }
        created.toFile().deleteOnExit();
        return created;
      } catch (FileAlreadyExistsException taken) {
        if (attempt >= 100) {
          throw taken;
        }
      }
    }
  }
}
