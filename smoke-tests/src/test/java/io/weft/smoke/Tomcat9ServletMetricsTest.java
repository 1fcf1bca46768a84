package io.weft.smoke;

import io.weft.smoke.harness.BuildArtifacts;
import io.weft.smoke.harness.Jdk;
import io.weft.smoke.harness.TestClassPath;
import java.util.List;

/** {@link ServletContainerMetricsTest} on embedded Tomcat 9 (javax, Servlet 4.0), Java 17. */
class Tomcat9ServletMetricsTest extends ServletContainerMetricsTest {
  @Override
  Jdk jdk() {
    return Jdk.java17();
  }

  @Override
  String mainClass() {
    return "Tomcat9ServletApp";
  }

  @Override
  String classpath() {
    return TestClassPath.testClassesWithJarsIn(BuildArtifacts.tomcat9Jars());
  }

  @Override
  boolean showsContentLengthBeforeCommit() {
    return false;
  }

  @Override
  List<String> instrumentedClasses() {
    return List.of("javax.servlet.http.HttpServlet",
        "org.apache.catalina.core.ApplicationFilterChain");
  }
}
