/**
 * Small applications the executor smoke tests run in forked JVMs (with and without the agent): each
 * prints {@code result <key> <value>} lines on stdout, then {@code ready}, and stays alive until
 * stopped so that its metrics can be scraped.
 */
package io.weft.smoke.apps;
