/**
 * How Weft rewrites classes: one {@link java.lang.instrument.ClassFileTransformer} that offers each
 * loading class to the enabled {@link io.weft.instrumentations.weaving.TypeInstrumentation}s by
 * name or by direct supertype (read from the class-file header, never by loading other classes),
 * and a method adapter that calls static hooks on entry and on every exit, normal or exceptional.
 *
 * <p>Loaded on the bootstrap class path together with the instrumentations and a relocated ASM.
 * Depends on {@code io.weft.bootstrap} and ASM only; never on the agent or an exporter.
 */
package io.weft.instrumentations.weaving;
