package org.tsperf.modulecli;

/** A command that cannot be done: the message names the module and why, and what to do. */
final class ModuleCommandException extends Exception {

    private static final long serialVersionUID = 1L;

    ModuleCommandException(String message) {
        super(message);
    }

    ModuleCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
