package io.weft.smoke;

import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TestClassPath;
import java.util.List;

/** {@link ServletContainerMetricsTest} on Jetty 12 (ee10, jakarta), Java 17. */
class JettyServletMetricsTest extends ServletContainerMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }

  @Override
  String mainClass() {
    return "JettyServletApp";
  }

  @Override
  String classpath() {
    return TestClassPath.without("tomcat-", "undertow-", "xnio-", "jboss-", "wildfly-", "javax.servlet-api-");
  }

  @Override
  List<String> instrumentedClasses() {
    return List.of("jakarta.servlet.http.HttpServlet",
        "org.eclipse.jetty.ee10.servlet.ServletHandler$Chain",
        "org.eclipse.jetty.ee10.servlet.ServletHandler$ChainEnd");
  }
}
