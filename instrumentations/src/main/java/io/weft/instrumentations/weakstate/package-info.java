/**
 * What instrumentations remember about application objects (statements, connections, pool
 * entries) without keeping those objects alive: a concurrent weak identity map whose look-ups
 * allocate nothing. Pure Java; depends on nothing else in Weft.
 */
package io.weft.instrumentations.weakstate;
