package io.weft.smoke;

import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TestClassPath;
import java.util.List;

/** {@link ServletContainerMetricsTest} on embedded Tomcat 11 (jakarta), Java 17. */
class TomcatServletMetricsTest extends ServletContainerMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }

  @Override
  String mainClass() {
    return "TomcatServletApp";
  }

  @Override
  String classpath() {
    return tomcatClassPath();
  }

  /** The test class path with Tomcat 11 as the only container (its jar carries its own servlet API). */
  static String tomcatClassPath() {
    return TestClassPath.without("jetty-", "undertow-", "xnio-", "jboss-", "wildfly-", "jakarta.servlet-api-",
        "javax.servlet-api-");
  }

  @Override
  List<String> instrumentedClasses() {
    return List.of("jakarta.servlet.http.HttpServlet",
        "org.apache.catalina.core.ApplicationFilterChain");
  }
}
