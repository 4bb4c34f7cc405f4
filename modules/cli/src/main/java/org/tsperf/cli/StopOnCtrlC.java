package org.tsperf.cli;

/**
 * Ctrl-C interrupts the thread that made this (a cluster job: it stops handing out and keeps its job folder, so the
 * same command resumes), until closed.
 */
final class StopOnCtrlC implements AutoCloseable {

    private final Thread stopper;

    StopOnCtrlC(String name) {
        stopper = new Thread(Thread.currentThread()::interrupt, name);
        Runtime.getRuntime().addShutdownHook(stopper);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException ex) {
            // the JVM is already shutting down: the hook runs
        }
    }
}
