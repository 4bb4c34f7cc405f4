package org.tsperf.modulecli;

/**
 * One module as a command reports it.
 *
 * @param name the code name base ({@code org.tsperf.proxy})
 * @param version the installed specification version, or the update center's when not installed ("-" when neither)
 * @param state {@code enabled}, {@code disabled} or {@code not installed}
 * @param restart whether the platform finishes the change only at the next start
 */
record ModuleState(String name, String version, String state, boolean restart) {

    static final String ENABLED = "enabled";
    static final String DISABLED = "disabled";
    static final String NOT_INSTALLED = "not installed";

    /** One line: name, version, state, and "needs a restart" where the platform said so. */
    String line(int nameWidth) {
        return String.format("%-" + nameWidth + "s  %-10s  %s%s", name, version, state,
                restart ? "  (needs a restart)" : "");
    }

    String json() {
        return "{\"name\":" + Json.string(name) + ",\"version\":" + Json.string(version) + ",\"state\":"
                + Json.string(state) + ",\"needsRestart\":" + restart + "}";
    }
}
