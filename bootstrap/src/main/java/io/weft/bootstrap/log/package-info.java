/**
 * Weft's own minimal logger: one line per event on stderr, prefixed {@code [weft]}. It exists so the
 * agent never touches the application's logging framework (no JUL, SLF4J or Log4j).
 */
package io.weft.bootstrap.log;
