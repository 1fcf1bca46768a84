/**
 * State that hooks keep about objects of instrumented libraries across several calls (a
 * connection's measurement between {@code connect} and {@code getInputStream}), held without adding
 * fields to the library's classes. Pure Java; depends on nothing but {@code java.base}.
 */
package io.weft.instrumentations.state;
