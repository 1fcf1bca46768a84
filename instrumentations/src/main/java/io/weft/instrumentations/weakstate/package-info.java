/**
 * What hooks remember about application objects across several calls (statements, connections,
 * pool entries, an {@code HttpURLConnection}'s measurement between {@code connect} and {@code
 * getInputStream}) without keeping those objects alive and without adding fields to their classes:
 * a concurrent weak identity map whose look-ups allocate nothing. Pure Java; depends on nothing but
 * {@code java.base}.
 */
package io.weft.instrumentations.weakstate;
