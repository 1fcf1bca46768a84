package io.weft.agent.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServiceNameTest {

  @Test
  void jarFileNameWithoutExtension() {
    assertEquals("orders-1.4.2", ServiceName.fromJavaCommand("/opt/app/orders-1.4.2.jar --port 8080"));
    assertEquals("orders", ServiceName.fromJavaCommand("orders.JAR"));
    assertEquals("billing", ServiceName.fromJavaCommand("C:\\apps\\billing.jar"));
  }

  @Test
  void jarPathWithSpaces() {
    assertEquals("my app", ServiceName.fromJavaCommand("/opt/my services/my app.jar --verbose"));
  }

  @Test
  void mainClass() {
    assertEquals("com.example.orders.OrdersApplication",
        ServiceName.fromJavaCommand("com.example.orders.OrdersApplication --spring.profiles.active=prod"));
    assertEquals("Main", ServiceName.fromJavaCommand("Main"));
    assertEquals("com.example.Outer$Inner", ServiceName.fromJavaCommand("com.example.Outer$Inner"));
  }

  @Test
  void argumentThatLooksLikeAJarDoesNotCount() {
    assertEquals("com.example.Tool", ServiceName.fromJavaCommand("com.example.Tool --plugin /x/plugin.jar"));
  }

  @Test
  void moduleAndMainClass() {
    assertEquals("com.example.orders.Main", ServiceName.fromJavaCommand("orders/com.example.orders.Main arg"));
  }

  @Test
  void unknownWhenMissingOrUnusable() {
    assertEquals("unknown_service:java", ServiceName.fromJavaCommand(null));
    assertEquals("unknown_service:java", ServiceName.fromJavaCommand("  "));
    assertEquals("unknown_service:java", ServiceName.fromJavaCommand(".jar"));
    assertEquals("unknown_service:java", ServiceName.fromJavaCommand("not-a-class-name"));
    assertEquals("unknown_service:java", ServiceName.fromJavaCommand("com..Broken"));
  }
}
