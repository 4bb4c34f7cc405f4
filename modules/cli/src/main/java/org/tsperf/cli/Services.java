package org.tsperf.cli;

import org.openide.util.Lookup;

/** Finds engine services through Lookup, as the workbench does, with an error that says what to do. */
final class Services {

    private Services() {
    }

    static <T> T require(Class<T> service, String module) {
        T impl = Lookup.getDefault().lookup(service);
        if (impl == null) {
            throw new IllegalStateException("no " + service.getSimpleName() + " service found: the " + module
                    + " module is missing from the build. Rebuild with 'mvn install' in the project root"
                    + " (or run './tsperf services' to see what is installed).");
        }
        return impl;
    }
}
