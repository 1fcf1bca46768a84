/**
 * Guarded access to the optional sources the collectors read: the JDK's {@code com.sun.management}
 * extensions, which another vendor's JVM may lack, and the kernel's small text files ({@code
 * /proc/self/status}, cgroup files), read without regular expressions and without garbage per read.
 * A missing source is a {@code null} or {@link io.weft.collectors.jvm.platform.SmallFile#ABSENT},
 * never an exception. Depends on the JDK only; knows nothing about metrics.
 */
package io.weft.collectors.jvm.platform;
