package org.tsperf.api.monitor;

/** Receives each new snapshot. Called on the sampler's thread, never on the event thread by design. */
@FunctionalInterface
public interface ResourceListener {

    void sampled(ResourceSnapshot snapshot);
}
