package org.tsperf.gpu;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** CPU time of the whole process (every thread, native ones included), where the JVM can read it. */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS = bean();

    private ProcessCpu() {
    }

    private static com.sun.management.OperatingSystemMXBean bean() {
        OperatingSystemMXBean b = ManagementFactory.getOperatingSystemMXBean();
        return b instanceof com.sun.management.OperatingSystemMXBean s && s.getProcessCpuTime() >= 0 ? s : null;
    }

    static boolean available() {
        return OS != null;
    }

    /** Nanoseconds of CPU the process has used (user + system); meaningful only as a difference. */
    static long nanos() {
        return OS.getProcessCpuTime();
    }
}
