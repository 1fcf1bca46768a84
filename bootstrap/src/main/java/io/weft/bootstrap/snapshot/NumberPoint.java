package io.weft.bootstrap.snapshot;

/** A counter, up-down counter or gauge value. */
public record NumberPoint(Attributes attributes, double value) implements DataPoint {}
