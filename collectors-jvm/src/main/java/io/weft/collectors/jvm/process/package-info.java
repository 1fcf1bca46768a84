/**
 * Operating-system view of this process: CPU time by mode, resident and virtual memory, OS threads,
 * file descriptors, context switches and uptime, read from Linux {@code /proc/self} and the JDK's
 * operating-system bean. Readers take the {@code /proc/self} directory as a path so tests can point
 * them at fixture files. Depends on {@code io.weft.bootstrap} and the JDK only.
 */
package io.weft.collectors.jvm.process;
