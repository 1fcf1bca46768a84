package io.weft.smoke.servlet;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import java.net.InetSocketAddress;
import java.util.Set;

/** The jakarta scripted app on Undertow's servlet container, context {@code /app}, on a free loopback port. */
public final class UndertowServletApp {
  private UndertowServletApp() {}

  public static void main(String[] args) throws Exception {
    DeploymentInfo deployment = Servlets.deployment()
        .setClassLoader(UndertowServletApp.class.getClassLoader())
        .setContextPath("/app")
        .setDeploymentName("scripted")
        .addServletContainerInitializer(new ServletContainerInitializerInfo(JakartaScriptedApp.class,
            new ImmediateInstanceFactory<>(new JakartaScriptedApp()), Set.of()));
    DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
    manager.deploy();
    Undertow server = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setHandler(Handlers.path().addPrefixPath("/app", manager.start()))
        .build();
    server.start();
    ReadyLine.printAndWait(((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
  }
}
