package io.weft.smoke.servlet;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The jakarta scripted app on Jetty 12 (ee10), context {@code /app}, on a free loopback port. */
public final class JettyServletApp {
  private JettyServletApp() {}

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/app");
    context.addServletContainerInitializer(new JakartaScriptedApp());
    server.setHandler(context);
    server.start();
    ReadyLine.printAndWait(connector.getLocalPort());
  }
}
