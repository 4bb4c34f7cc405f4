package org.tsperf.api.tasks;

/**
 * Where the scheduler reads the live load. The tasks module provides one fed by the resource monitor; the first
 * one in Lookup wins, so another module (or a test) can provide its own.
 */
public interface LoadSource {

    SystemLoad current();
}
