package org.tsperf.api.optimize;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Switches the project's feature modules on and off at runtime, as Tools &gt; Plugins does, through the platform's
 * module system (found in Lookup; absent when the module that provides it is). The operations take seconds (an
 * install downloads from the project's update center): call them off the event thread, from any other thread; they
 * show their progress in the status bar themselves.
 */
public interface FeatureModules {

    /** The project's installed modules by code name base ({@code org.tsperf.proxy}), each whether enabled. */
    Map<String, Boolean> installed();

    /**
     * Enables the installed modules named, and installs from the update center those not installed, with the
     * modules they need.
     *
     * @param codeNames code name bases
     * @return what changed
     * @throws IllegalStateException when the platform refuses (why, in words a user understands)
     */
    Result enable(Set<String> codeNames);

    /**
     * Disables the modules named, without a restart where the platform allows it; refuses when another enabled
     * module needs one of them.
     *
     * @param codeNames code name bases
     * @return what changed
     * @throws IllegalStateException when the platform refuses (why, in words a user understands)
     */
    Result disable(Set<String> codeNames);

    /**
     * What an operation did.
     *
     * @param changed      the modules whose state changed (with modules they need, e.g. libraries)
     * @param needsRestart those among them that the platform finishes only at the next start
     */
    record Result(Set<String> changed, Set<String> needsRestart) {

        public Result {
            changed = Set.copyOf(new TreeSet<>(Objects.requireNonNull(changed, "changed")));
            needsRestart = Set.copyOf(Objects.requireNonNull(needsRestart, "needsRestart"));
        }
    }
}
