package io.weft.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

  @Test
  void everyConstantIsInTheCatalogueInDeclarationOrder() throws IllegalAccessException {
    List<ConfigKey<?>> constants = new ArrayList<>();
    for (Field field : ConfigKeys.class.getDeclaredFields()) {
      if (Modifier.isPublic(field.getModifiers()) && field.getType() == ConfigKey.class) {
        constants.add((ConfigKey<?>) field.get(null));
      }
    }
    assertEquals(constants, ConfigKeys.all());
  }

  @Test
  void namesAreUnique() {
    Set<String> names = new HashSet<>();
    for (ConfigKey<?> key : ConfigKeys.all()) {
      assertEquals(true, names.add(key.environmentVariable()), key.name());
    }
  }

  @Test
  void namesMapToPropertyVariableAndYamlKey() {
    ConfigKey<Boolean> key = ConfigKeys.INSTRUMENTATION_CONTAINER_ENABLED;
    assertEquals("instrumentation.container.enabled", key.name());
    assertEquals("weft.instrumentation.container.enabled", key.systemProperty());
    assertEquals("WEFT_INSTRUMENTATION_CONTAINER_ENABLED", key.environmentVariable());
  }

  @Test
  void defaultsAreValidValuesOfTheirOwnType() throws InvalidValueException {
    for (ConfigKey<?> key : ConfigKeys.all()) {
      assertDefaultRoundTrips(key);
    }
  }

  private static <T> void assertDefaultRoundTrips(ConfigKey<T> key) throws InvalidValueException {
    if (key.defaultValue() == null || key.type().format(key.defaultValue()).isEmpty()) {
      return;
    }
    assertEquals(key.defaultValue(), key.type().parse(key.type().format(key.defaultValue())), key.name());
  }

  @Test
  void malformedNamesAreRejectedWhenDeclared() {
    assertThrows(IllegalArgumentException.class, () -> ConfigKey.of("Prometheus.port", TextType.INSTANCE, null, ""));
    assertThrows(IllegalArgumentException.class, () -> ConfigKey.of("prometheus..port", TextType.INSTANCE, null, ""));
    assertThrows(IllegalArgumentException.class, () -> ConfigKey.of("prometheus_port", TextType.INSTANCE, null, ""));
    assertThrows(IllegalArgumentException.class, () -> ConfigKey.of("port.", TextType.INSTANCE, null, ""));
  }
}
