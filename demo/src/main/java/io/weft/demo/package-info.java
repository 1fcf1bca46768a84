/**
 * The demo service: a small application to run with the agent attached. It exercises each family
 * the agent instruments (JDK HTTP server, JDBC on H2, a {@code ThreadPoolExecutor}, the JDK HTTP
 * client) and knows nothing about Weft: it must not depend on any {@code io.weft} module.
 */
package io.weft.demo;
