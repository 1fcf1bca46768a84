/**
 * Weft's core, loaded on the bootstrap class path so that code woven into any class (JDK classes
 * included) can reach it. Pure Java: it depends on {@code java.base} and nothing else, never on the
 * agent, an exporter or a third-party library.
 */
package io.weft.bootstrap;
