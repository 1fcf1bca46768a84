/**
 * Small servlet applications the servlet smoke tests run in forked JVMs: one scripted set of
 * servlets and filters, in the jakarta and the javax namespace, and a launcher per container
 * (Jetty 12 ee10, Tomcat 11, Undertow, Tomcat 9) that prints {@code servlet app ready on port N}.
 * They are started from the test class path (filtered to one container) and never run inside the
 * test JVM.
 */
package io.weft.smoke.servlet;
