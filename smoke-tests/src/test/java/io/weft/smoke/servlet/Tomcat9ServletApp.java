package io.weft.smoke.servlet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.servlet.ServletContainerInitializer;

/**
 * The javax scripted app on embedded Tomcat 9, context {@code /app}, on a free loopback port.
 * Tomcat 9 shares its class names with Tomcat 11, which the test class path holds, so it is not on
 * the class path this is compiled against: the few embedding calls go through reflection, and the
 * forked JVM runs with Tomcat 9's jars instead.
 */
public final class Tomcat9ServletApp {
  private Tomcat9ServletApp() {}

  public static void main(String[] args) throws Exception {
    Path base = Files.createTempDirectory("tomcat9-");
    Class<?> tomcatType = Class.forName("org.apache.catalina.startup.Tomcat");
    Object tomcat = tomcatType.getConstructor().newInstance();
    tomcatType.getMethod("setBaseDir", String.class).invoke(tomcat, base.toString());
    tomcatType.getMethod("setPort", int.class).invoke(tomcat, 0);
    Object connector = tomcatType.getMethod("getConnector").invoke(tomcat);
    Class<?> connectorType = connector.getClass();
    connectorType.getMethod("setProperty", String.class, String.class).invoke(connector, "address", "127.0.0.1");
    Object context = tomcatType.getMethod("addContext", String.class, String.class).invoke(tomcat, "/app", base.toString());
    Class.forName("org.apache.catalina.Context")
        .getMethod("addServletContainerInitializer", ServletContainerInitializer.class, Set.class)
        .invoke(context, new JavaxScriptedApp(), null);
    tomcatType.getMethod("start").invoke(tomcat);
    ReadyLine.printAndWait((int) connectorType.getMethod("getLocalPort").invoke(connector));
  }
}
