package io.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weft.smoke.harness.Demo;
import io.weft.smoke.harness.Scrape;

/** What each demo endpoint answers; the same with and without the agent. */
final class DemoEndpoints {
  private DemoEndpoints() {}

  static void assertAllAnswer(Demo demo) {
    assertAll(
        () -> assertAnswer(demo, "/hello", 200, "hello\n"),
        () -> assertAnswer(demo, "/users/2", 200, "user 2: grace\n"),
        () -> assertAnswer(demo, "/users/99", 404, "no user 99\n"),
        () -> assertAnswer(demo, "/users/abc", 400, "not a user id: abc\n"),
        () -> assertAnswer(demo, "/work", 200, "work done: 333328333350000\n"),
        () -> assertAnswer(
            demo, "/outbound", 200, "outbound http://127.0.0.1:" + demo.port() + "/hello -> 200 hello\n"),
        () -> assertAnswer(demo, "/fail", 500, "internal error: this endpoint always fails\n"));
  }

  static void assertAnswer(Demo demo, String path, int status, String body) {
    Scrape.Response response = Scrape.get(demo.uri(path));
    assertEquals(status + " " + body, response.status() + " " + response.text(), path);
  }
}
