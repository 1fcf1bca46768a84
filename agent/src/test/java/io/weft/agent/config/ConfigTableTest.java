package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documented tables equal to the catalogue. To regenerate them after changing
 * {@link ConfigKeys}: {@code mvn -pl agent -am test -Dtest=ConfigTableTest
 * -Dsurefire.failIfNoSpecifiedTests=false -DupdateConfigDocs=true}.
 */
class ConfigTableTest {

  @Test
  void rowsFollowTheCatalogue() {
    String table = ConfigTable.markdown(List.of(ConfigKeys.LOG_LEVEL, ConfigKeys.SERVICE_NAME, ConfigKeys.CONFIG_FILE));

    assertEquals(
        "| Environment variable | System property | YAML key | Default | Accepted values | Description |\n"
            + "|---|---|---|---|---|---|\n"
            + "| `WEFT_LOG_LEVEL` | `weft.log.level` | `log.level` | `info` | error\\|warn\\|info\\|debug"
            + " | Least severe level of the agent's own lines on stderr. |\n"
            + "| `WEFT_SERVICE_NAME` | `weft.service.name` | `service.name` | main class or jar name, else"
            + " unknown_service:java | any text | The service.name resource attribute. Fallback: `OTEL_SERVICE_NAME`. |\n"
            + "| `WEFT_CONFIG_FILE` | `weft.config.file` | - | - | a file path | Path of a YAML file with more settings;"
            + " system properties and the environment override it. |\n",
        table);
  }

  @Test
  void configurationDocHoldsTheGeneratedTable() throws IOException {
    assertDocumentHoldsTable(repositoryRoot().resolve("docs/configuration.md"));
  }

  @Test
  void readmeHoldsTheGeneratedTable() throws IOException {
    assertDocumentHoldsTable(repositoryRoot().resolve("README.md"));
  }

  private static void assertDocumentHoldsTable(Path document) throws IOException {
    String text = Files.readString(document, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("updateConfigDocs")) {
      text = ConfigTable.replaceBetweenMarkers(text);
      Files.writeString(document, text, StandardCharsets.UTF_8);
    }
    String expected = ConfigTable.markdown();
    String actual = ConfigTable.betweenMarkers(text);
    assertNotNull(actual, document + " lacks the markers " + ConfigTable.START + " and " + ConfigTable.END
        + "; put them around this table:\n" + expected);
    assertEquals(expected, actual, document + " is out of date with ConfigKeys; regenerate it with"
        + " -DupdateConfigDocs=true (see ConfigTableTest) or paste this table between the markers:\n" + expected);
  }

  /** The folder holding docs/ and README.md: the module's parent when Maven runs the test from agent/. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    assertNotNull(dir, "no docs/ folder above " + Path.of("").toAbsolutePath());
    return dir;
  }
}
