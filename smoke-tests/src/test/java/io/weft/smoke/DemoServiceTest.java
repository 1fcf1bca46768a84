package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.ForkedJvm;
import io.weft.smoke.harness.Jdk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo on its own, without the agent: the baseline the attached runs are compared with. */
class DemoServiceTest {

  @Test
  void everyEndpointAnswersWithoutTheAgent() {
    try (Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()), "demo-alone")) {
      DemoEndpoints.assertAllAnswer(demo);
    }
  }

  @Test
  void printsItsUrlAndReadyLineAndNothingElse() {
    try (Demo demo = Demo.start(ForkedJvm.on(Jdk.java17()), "demo-alone-stdout")) {
      DemoEndpoints.assertAnswer(demo, "/hello", 200, "hello\n");
      demo.jvm().stop();
      assertEquals(
          List.of(
              "Weft demo: http://127.0.0.1:" + demo.port() + "/hello (also /users/1, /work, /outbound, /fail)"
                  + "; metrics: none (start with -javaagent:agent/target/weft-agent.jar)",
              "demo ready on port " + demo.port()),
          demo.jvm().stdoutLines());
      assertEquals(List.of(), demo.jvm().stderrLines());
    }
  }
}
