package org.tsperf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a child that is still this process's memory image from a child that runs a program of its own.
 *
 * <p>The JDK starts a process with {@code posix_spawn}, which clones the JVM with {@code CLONE_VM} until the
 * {@code exec}: for that instant the child's {@code VmRSS} is the JVM's own, and a sampler that adds it counts the
 * JVM twice (a gigabyte of phantom "child" memory in a memory benchmark). Such a child runs the same executable with
 * the same code and stack addresses; a genuinely separate JVM has its own randomised addresses.
 */
final class ProcessImage {

    private static final Logger LOG = Logger.getLogger(ProcessImage.class.getName());

    private ProcessImage() {
    }

    /** A test that is true for processes that share this process's executable and address layout. */
    static LongPredicate sameAsThisProcess() {
        String[] self = layout(ProcessHandle.current().pid());
        if (self == null) {
            return pid -> false; // no /proc: nothing to compare, count every child
        }
        return pid -> Arrays.equals(self, layout(pid));
    }

    /** The executable, start of code, end of code and start of stack of a process; null when it has gone. */
    static String[] layout(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String exe = Files.readSymbolicLink(proc.resolve("exe")).toString();
            String stat = Files.readString(proc.resolve("stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // proc(5): startcode is field 26, endcode 27, startstack 28; f[0] is field 3 (state)
            return new String[] {exe, f[23], f[24], f[25]};
        } catch (IOException | RuntimeException ex) {
            LOG.log(Level.FINEST, "process " + pid + " cannot be read (gone, or not ours)", ex);
            return null;
        }
    }
}
