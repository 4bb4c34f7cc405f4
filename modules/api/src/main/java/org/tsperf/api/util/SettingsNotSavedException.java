package org.tsperf.api.util;

import java.nio.file.Path;

/**
 * Settings could not be written to their file (e.g. the user directory's disk is full). Nothing of them was changed:
 * the file keeps the values it had and the running workbench keeps using them. The message names the file, the disk
 * and what to do; saving again once the cause is fixed works without a restart.
 */
public final class SettingsNotSavedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public SettingsNotSavedException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The settings file that could not be written. */
    public Path file() {
        return file;
    }
}
