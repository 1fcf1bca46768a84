package io.weft.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/** bcrypt hashes made by Apache's {@code htpasswd -nbBC <cost>}, the command docs/security.md names. */
public final class Htpasswd {
  private Htpasswd() {}

  /** The {@code $2y$...} hash of the password. */
  public static String bcrypt(String user, String password, int cost) {
    Path htpasswd = Executables.require("htpasswd", "Debian: apt-get install apache2-utils");
    try {
      Process process = new ProcessBuilder(htpasswd.toString(), "-nbBC", String.valueOf(cost), user, password)
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.startsWith(user + ":$2y$")) {
        Assertions.fail("htpasswd failed: " + output);
      }
      return output.substring(user.length() + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
