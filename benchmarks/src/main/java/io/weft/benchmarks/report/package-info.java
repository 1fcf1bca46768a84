/** Turns measured results into the tables and chart of {@code docs/performance.md}. */
package io.weft.benchmarks.report;
