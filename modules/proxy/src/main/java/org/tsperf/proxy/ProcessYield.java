package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Lowers the CPU priority of a running process tree (every thread of ffmpeg and its children) to the lowest while
 * the user plays or scrubs, and raises it again afterwards. The "user is busy" hold only keeps new tasks from
 * starting; a running proxy job's encoder threads would otherwise take the cores the player needs. At nice 19 a job
 * still runs at full speed on a machine that has nothing else to do.
 *
 * <p>Linux sets nice per thread, so each thread is reniced ({@code renice -n N -p TID...}, one process per change).
 * Raising the priority back (to this JVM's) needs the right to (root, or {@code RLIMIT_NICE}); without it the job stays at 19,
 * which costs it nothing while the machine is otherwise idle.
 */
final class ProcessYield {

    private static final Logger LOG = Logger.getLogger(ProcessYield.class.getName());
    static final int YIELDING = 19;
    /** The priority the process is given back: the one this JVM runs at, as the process started with. */
    static final int NORMAL = nice(ProcessHandle.current().pid(), Long.toString(ProcessHandle.current().pid()))
            .orElse(0);

    private final Process process;
    private boolean yielding;
    private boolean cannotRaise;

    ProcessYield(Process process) {
        this.process = process;
    }

    /**
     * Called every few hundred milliseconds with whether the user is busy; also catches the threads the process
     * started since the last call (a new thread takes its creator's priority, which may predate the change).
     */
    void update(boolean userBusy) {
        if (!userBusy && (cannotRaise || !yielding)) {
            return;
        }
        int target = userBusy ? YIELDING : NORMAL;
        List<String> off = threadsNotAt(target);
        if (off.isEmpty()) {
            yielding = userBusy;
            return;
        }
        if (renice(target, off)) {
            // raising: still "yielding" until an update finds no thread left low, as a thread that one still low
            // started meanwhile took its low priority
            yielding = true;
        } else if (!userBusy) {
            cannotRaise = true;
            LOG.log(Level.FINE, "pid {0}: may not raise its priority again; it stays at nice {1}",
                    new Object[] {process.pid(), YIELDING});
        } else {
            // a thread may have ended between the listing and the renice: the next update tries again
            LOG.log(Level.FINE, "pid {0}: could not lower the priority of threads {1}", new Object[] {process.pid(),
                off});
        }
    }

    boolean yielding() {
        return yielding;
    }

    private List<String> threadsNotAt(int nice) {
        List<String> off = new ArrayList<>();
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        for (ProcessHandle h : tree) {
            for (String tid : threads(h.pid())) {
                java.util.OptionalInt n = nice(h.pid(), tid);
                if (n.isPresent() && n.getAsInt() != nice) {
                    off.add(tid);
                }
            }
        }
        return off;
    }

    private static boolean renice(int nice, List<String> tids) {
        List<String> cmd = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        cmd.addAll(tids);
        try {
            Process r = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
                    ProcessBuilder.Redirect.DISCARD).start();
            if (!r.waitFor(5, TimeUnit.SECONDS)) {
                r.destroyForcibly();
                return false;
            }
            return r.exitValue() == 0;
        } catch (IOException ex) {
            LOG.log(Level.FINE, "renice is not available", ex);
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The thread ids of a process, from /proc (its own pid alone where /proc does not list them). */
    static List<String> threads(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> s = Files.list(tasks)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException ex) {
            return Files.exists(Path.of("/proc", Long.toString(pid))) ? List.of(Long.toString(pid)) : List.of();
        }
    }

    /** The nice value of a thread, from /proc/PID/task/TID/stat (field 19), or empty. */
    static java.util.OptionalInt nice(long pid, String tid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", tid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.OptionalInt.of(Integer.parseInt(f[16]));
        } catch (IOException | RuntimeException ex) {
            return java.util.OptionalInt.empty();
        }
    }
}
