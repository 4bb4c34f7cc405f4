package org.tsperf.gpu;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CPU time of the whole process, every thread included (a Vulkan driver's native threads too). On Linux from each
 * thread's {@code /proc/self/task/ID/schedstat} (nanoseconds); the JVM's own figure counts in clock ticks (10 ms)
 * there, too coarse for one frame.
 */
final class ProcessCpu {

    private static final Logger LOG = Logger.getLogger(ProcessCpu.class.getName());
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final com.sun.management.OperatingSystemMXBean OS = bean();

    private ProcessCpu() {
    }

    private static com.sun.management.OperatingSystemMXBean bean() {
        OperatingSystemMXBean b = ManagementFactory.getOperatingSystemMXBean();
        return b instanceof com.sun.management.OperatingSystemMXBean s && s.getProcessCpuTime() >= 0 ? s : null;
    }

    static boolean available() {
        return Files.isDirectory(TASKS) || OS != null;
    }

    /** Nanoseconds of CPU the process has used; meaningful only as a difference. */
    static long nanos() {
        if (Files.isDirectory(TASKS)) {
            long sum = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
                for (Path t : tasks) {
                    sum += ranNanos(t.resolve("schedstat"));
                }
                return sum;
            } catch (IOException ex) {
                LOG.log(Level.FINE, "cannot list the threads in /proc/self/task", ex);
            }
        }
        return OS == null ? 0 : OS.getProcessCpuTime();
    }

    /** The first field of a schedstat file: time spent running; 0 for a thread that ended meanwhile. */
    private static long ranNanos(Path schedstat) {
        try {
            String s = Files.readString(schedstat);
            int end = s.indexOf(' ');
            return Long.parseLong(end < 0 ? s.trim() : s.substring(0, end));
        } catch (IOException | NumberFormatException ex) {
            return 0;
        }
    }
}
