package io.weft.smoke.servlet;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** The jakarta scripted app on embedded Tomcat 11, context {@code /app}, on a free loopback port. */
public final class TomcatServletApp {
  private TomcatServletApp() {}

  public static void main(String[] args) throws Exception {
    Path base = Files.createTempDirectory("tomcat11-");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("/app", base.toString());
    context.addServletContainerInitializer(new JakartaScriptedApp(), null);
    tomcat.start();
    ReadyLine.printAndWait(connector.getLocalPort());
  }
}
