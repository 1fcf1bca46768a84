package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code WEFT_HTTP_SERVER_ROUTES}: route templates, checked when the configuration loads. */
class RouteListTypeTest {

  private static String reason(String text) {
    return assertThrows(InvalidValueException.class, () -> RouteListType.INSTANCE.parse(text)).reason();
  }

  @Test
  void keepsTemplatesInOrderWithoutDuplicates() throws InvalidValueException {
    assertEquals(List.of("/users/me", "/users/{id}", "/static/*", "/"),
        RouteListType.INSTANCE.parse("/users/me, /users/{id},/static/*,/,/users/me"));
    assertEquals("/users/me,/users/{id}", RouteListType.INSTANCE.format(List.of("/users/me", "/users/{id}")));
  }

  @Test
  void rejectsWhatIsNotATemplateWithTheReason() {
    assertEquals("'users/{id}' does not start with /", reason("users/{id}"));
    assertEquals("empty entry in the list", reason("/a,,/b"));
    assertEquals("'/a//b' has an empty segment", reason("/a//b"));
    assertEquals("'/a/' has an empty segment", reason("/a/"));
    assertEquals("'/a/*/b' has * before its last segment", reason("/a/*/b"));
    assertEquals("'/users/{id' has a malformed segment {id (a variable is a whole segment {name})", reason("/users/{id"));
    assertEquals("'/users/x{id}' has a malformed segment x{id} (a variable is a whole segment {name})",
        reason("/users/x{id}"));
    assertEquals("'/users/{}' has a malformed segment {} (a variable is a whole segment {name})", reason("/users/{}"));
    assertEquals("'/a?b=1' holds a space, control character, ? or #", reason("/a?b=1"));
  }

  @Test
  void aYamlListIsReadInOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("weft.yaml");
    Files.writeString(file, "http.server.routes:\n  - /users/me\n  - /users/{id}\n  - /static/*\n");
    Config config = Config.load(Map.of("weft.config.file", file.toString()), Map.of());
    assertEquals(List.of(), config.warnings());
    assertEquals(List.of("/users/me", "/users/{id}", "/static/*"), config.get(ConfigKeys.HTTP_SERVER_ROUTES));
  }

  @Test
  void aBadValueGivesOneWarningAndNoTemplates() {
    Config config = Config.load(Map.of(), Map.of("WEFT_HTTP_SERVER_ROUTES", "/users/{id},orders"));
    assertEquals(List.of(), config.get(ConfigKeys.HTTP_SERVER_ROUTES));
    assertEquals(List.of("WEFT_HTTP_SERVER_ROUTES=/users/{id},orders is not valid: 'orders' does not start with /"
        + " (accepted: comma-separated path templates such as /users/{id} or /static/*); leaving it unset"),
        config.warnings());
  }
}
