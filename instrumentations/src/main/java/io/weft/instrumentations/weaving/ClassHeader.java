package io.weft.instrumentations.weaving;

import java.util.List;

/**
 * What the class-file header says about a loading class, in internal names ({@code java/lang/Object}):
 * enough to match on without loading any other class.
 */
public record ClassHeader(String name, String superName, List<String> interfaces, int version) {}
