package org.tsperf.api.util;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this JVM runs the workbench or is a plain JVM (the command line, unit tests), decided in one place: the
 * platform launcher sets {@code netbeans.user} to the user directory. May be called from any thread.
 */
public final class Workbench {

    private Workbench() {
    }

    /** The workbench's user directory ({@code --userdir}, {@code ~/.tsperf/0.1} by default); empty in a plain JVM. */
    public static Optional<Path> userDirectory() {
        String dir = System.getProperty("netbeans.user");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** Whether this JVM runs the workbench. */
    public static boolean isRunning() {
        return userDirectory().isPresent();
    }
}
