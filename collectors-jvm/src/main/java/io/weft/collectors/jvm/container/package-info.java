/**
 * Container limits and their effect, read from this process's cgroup (v2, with a v1 fallback): the
 * CPU limit in cores, CFS throttling, the memory limit and usage. Everything here is reported only
 * while a limit is set. The locator takes the file-system root as a path so tests can point it at
 * fixture trees. Depends on {@code io.weft.bootstrap} and the JDK only.
 */
package io.weft.collectors.jvm.container;
