/**
 * JVM, process and container collectors: callback metrics that read MXBeans, {@code /proc} and
 * cgroup files at collection time, one class per area. Depends only on {@code io.weft.bootstrap}.
 */
package io.weft.collectors.jvm;
