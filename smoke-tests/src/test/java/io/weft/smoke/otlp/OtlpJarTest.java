package io.weft.smoke.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.otlp.MethodReferences;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the OTLP exporter brings into the agent jar: its size, and the SDK's logging rewired to Weft's. */
class OtlpJarTest {
  private static final String SDK_LOGGER = "io/weft/agent/exporter/otlp/SdkLogger";
  private static final long BUDGET_BYTES = 8L * 1024 * 1024;

  @Test
  void theJarStaysWellUnderItsBudget() throws IOException {
    long size = Files.size(BuildArtifacts.agentJar());
    assertTrue(size < BUDGET_BYTES / 2, "the agent jar is " + size + " bytes");
  }

  @Test
  void noClassUsesJavaUtilLoggingLoggersAndTheStandInHasEveryMethodCalled() throws Exception {
    byte[] julLogger = "java/util/logging/Logger".getBytes(StandardCharsets.UTF_8);
    Set<String> called = new TreeSet<>();
    Set<String> usingJul = new TreeSet<>();
    int sdkClasses = 0;
    try (JarFile jar = new JarFile(BuildArtifacts.agentJar().toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        if (contains(bytes, julLogger)) {
          usingJul.add(entry.getName());
        }
        if (entry.getName().startsWith("io/weft/shaded/io/opentelemetry/")) {
          sdkClasses++;
          called.addAll(MethodReferences.to(SDK_LOGGER, bytes));
        }
      }
    }
    assertTrue(sdkClasses > 100, "the relocated SDK is in the jar");
    assertEquals(Set.of(), usingJul);
    assertFalse(called.isEmpty(), "the SDK's logger calls go to " + SDK_LOGGER);
    assertTrue(declaredMethods().containsAll(called), "called " + called + ", declared " + declaredMethods());
  }

  /** {@code name descriptor} of SdkLogger's public methods, loaded from the agent jar. */
  private static Set<String> declaredMethods() throws Exception {
    Set<String> methods = new TreeSet<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {BuildArtifacts.agentJar().toUri().toURL()}, null)) {
      for (Method method : Class.forName(SDK_LOGGER.replace('/', '.'), false, loader).getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())) {
          StringBuilder descriptor = new StringBuilder("(");
          for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
          }
          descriptor.append(')').append(method.getReturnType().descriptorString());
          methods.add(method.getName() + " " + descriptor);
        }
      }
    }
    return methods;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
