package io.weft.smoke;

import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TestClassPath;
import java.util.List;

/** {@link ServletContainerMetricsTest} on Undertow's servlet container (jakarta), Java 17. */
class UndertowServletMetricsTest extends ServletContainerMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }

  @Override
  String mainClass() {
    return "UndertowServletApp";
  }

  @Override
  String classpath() {
    return TestClassPath.without("tomcat-", "jetty-", "javax.servlet-api-");
  }

  @Override
  List<String> instrumentedClasses() {
    return List.of("jakarta.servlet.http.HttpServlet",
        "io.undertow.servlet.handlers.FilterHandler$FilterChainImpl");
  }
}
