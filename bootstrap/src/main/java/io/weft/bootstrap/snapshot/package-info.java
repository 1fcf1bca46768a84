/**
 * Immutable results of one collection pass: what exporters read, and the only thing they read.
 * Depends on nothing but the metric descriptors.
 */
package io.weft.bootstrap.snapshot;
