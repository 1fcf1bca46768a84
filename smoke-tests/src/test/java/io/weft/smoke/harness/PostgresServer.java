package io.weft.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * A throw-away PostgreSQL server: a fresh cluster in a temporary directory ({@code initdb}, trust
 * authentication for the user {@code weft}), started on a free loopback port and stopped by its
 * process handle, its directory deleted afterwards. Uses Debian's {@code postgresql} package
 * ({@code /usr/lib/postgresql/<version>/bin}); as root, the server runs as the {@code postgres} user
 * (PostgreSQL refuses to run as root), switched to with {@code setpriv} so that the handle is the
 * server's own process.
 *
 * <pre>{@code
 * try (PostgresServer pg = PostgresServer.start("jdbc-test")) {
 *   String url = pg.jdbcUrl("postgres");   // jdbc:postgresql://127.0.0.1:<port>/postgres?user=weft
 * }
 * }</pre>
 *
 * <p>Without the package this fails on CI and skips elsewhere ({@link Requirement}).
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "weft";
  private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
  private static final String READY = "database system is ready to accept connections";

  private final Process process;
  private final Path directory;
  private final Path log;
  private final int port;

  private PostgresServer(Process process, Path directory, Path log, int port) {
    this.process = process;
    this.directory = directory;
    this.log = log;
    this.port = port;
  }

  /** Whether Debian's server binaries are installed. */
  public static boolean installed() {
    return binaries() != null;
  }

  /** Creates and starts a cluster; {@code name} names its log file. */
  public static PostgresServer start(String name) {
    Path bin = binaries();
    if (bin == null) {
      Requirement.unmet("PostgreSQL server binaries are not installed under " + INSTALL_ROOT
          + " (Debian: apt-get install postgresql)");
    }
    Path directory = null;
    try {
      directory = Files.createTempDirectory("weft-pg-");
      List<String> asServerUser = asServerUser(directory);
      Path data = directory.resolve("data");
      Path logs = Files.createDirectories(BuildArtifacts.logDirectory());
      Path initLog = logs.resolve(name + "-initdb-" + System.nanoTime() + ".log");
      List<String> initdb = new ArrayList<>(asServerUser);
      initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
          "-E", "UTF8", "--no-sync"));
      Process init = new ProcessBuilder(initdb).redirectErrorStream(true).redirectOutput(initLog.toFile()).start();
      if (!init.waitFor(120, TimeUnit.SECONDS)) {
        init.destroyForcibly();
        Assertions.fail("initdb did not finish within 120 s; see " + initLog);
      }
      Assertions.assertEquals(0, init.exitValue(), () -> "initdb failed: " + read(initLog));

      int port = FreePort.pick();
      Path log = logs.resolve(name + "-postgres-" + System.nanoTime() + ".log");
      List<String> postgres = new ArrayList<>(asServerUser);
      postgres.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
          "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + directory, "-c", "fsync=off",
          "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=40"));
      Process server = new ProcessBuilder(postgres).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      PostgresServer started = new PostgresServer(server, directory, log, port);
      started.awaitReady(Polling.START);
      return started;
    } catch (IOException e) {
      deleteQuietly(directory);
      throw new UncheckedIOException("could not start PostgreSQL", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deleteQuietly(directory);
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    } catch (RuntimeException | AssertionError e) {
      deleteQuietly(directory);
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** A JDBC URL for a database of this server, as user {@link #USER}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  /** Stops the server (fast shutdown, by its handle) and deletes its directory. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        // SIGINT is PostgreSQL's fast shutdown; Process only sends SIGTERM (smart shutdown, which
        // waits for clients to leave), so ask for that first and force it after a grace period.
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      deleteQuietly(directory);
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean alive = process.isAlive();
      String text = read(log);
      if (text.contains(READY)) {
        return;
      }
      if (!alive) {
        Assertions.fail("PostgreSQL ended (exit " + process.exitValue() + ") before it was ready:\n" + text);
      }
      if (System.nanoTime() - deadline > 0) {
        Assertions.fail("PostgreSQL was not ready within " + timeout + ":\n" + text);
      }
      Polling.pause();
    }
  }

  /** The newest installed version's bin directory with initdb and postgres, or null. */
  private static Path binaries() {
    if (!Files.isDirectory(INSTALL_ROOT)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int versionOf(Path versionDirectory) {
    try {
      return Integer.parseInt(versionDirectory.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The command prefix that runs a program as the server's user: nothing when this JVM is not root;
   * as root, {@code setpriv} to {@code postgres}, which then owns the cluster's directory.
   */
  private static List<String> asServerUser(Path directory) throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
    Files.setOwner(directory, postgres);
    return List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> all = Files.walk(directory)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // leftovers in the temporary directory are harmless
    }
  }
}
