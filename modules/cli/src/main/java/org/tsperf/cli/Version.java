package org.tsperf.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the cli module's jar, as built. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"Timeline Studio Performance " + (v == null ? "(development build)" : v)};
    }
}
