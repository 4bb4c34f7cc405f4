package org.tsperf.api.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the ffmpeg children so that they die with this JVM, a {@code kill -9} of it included (nothing in the JVM
 * runs then): each is started through util-linux's {@code setpriv --pdeathsig KILL}, which asks the kernel to kill it
 * when its parent goes, then becomes ffmpeg (same pid, same exit code). The kernel's "parent" is the thread that
 * started the child, so every child is started from one thread that lives as long as the JVM. Where setpriv is
 * missing or refused, children start plainly (and are still stopped on a normal exit and on cancel). Every module
 * that runs ffmpeg (proxies, exports, preview renders) starts it here.
 */
public final class ChildProcesses {

    private static final Logger LOG = Logger.getLogger(ChildProcesses.class.getName());
    private static final String[] SETPRIV = {"/usr/bin/setpriv", "/bin/setpriv"};
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tsperf-child-launcher");
        t.setDaemon(true);
        return t;
    });
    private static volatile String setpriv;
    private static volatile boolean checked;

    private ChildProcesses() {
    }

    /** Starts the command of {@code pb}, tied to this JVM's life where the system allows. */
    public static Process start(ProcessBuilder pb) throws IOException {
        String tie = setpriv();
        if (tie != null) {
            List<String> cmd = new ArrayList<>(List.of(tie, "--pdeathsig", "KILL", "--"));
            cmd.addAll(pb.command());
            pb = new ProcessBuilder(cmd).directory(pb.directory()).redirectInput(pb.redirectInput())
                    .redirectOutput(pb.redirectOutput()).redirectError(pb.redirectError())
                    .redirectErrorStream(pb.redirectErrorStream());
        }
        ProcessBuilder started = pb;
        try {
            return LAUNCHER.submit(started::start).get();
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot start " + started.command().get(0) + ": " + ex.getCause(), ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + started.command().get(0), ex);
        }
    }

    /** Whether children are tied to this JVM's life (setpriv works here). */
    public static boolean tiedToThisJvm() {
        return setpriv() != null;
    }

    private static String setpriv() {
        if (!checked) {
            synchronized (ChildProcesses.class) {
                if (!checked) {
                    setpriv = findWorkingSetpriv();
                    checked = true;
                }
            }
        }
        return setpriv;
    }

    private static String findWorkingSetpriv() {
        for (String candidate : SETPRIV) {
            if (!Files.isExecutable(Path.of(candidate))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(candidate, "--pdeathsig", "KILL", "--", "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
                LOG.log(Level.INFO, "{0} cannot set a parent-death signal here; ffmpeg children outlive a killed"
                        + " workbench", candidate);
            } catch (IOException ex) {
                LOG.log(Level.INFO, "cannot run " + candidate + "; ffmpeg children outlive a killed workbench", ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        LOG.log(Level.INFO, "no setpriv (util-linux): ffmpeg children outlive a killed workbench");
        return null;
    }
}
