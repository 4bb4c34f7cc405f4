package org.tsperf.api.cluster;

/** A running worker member. Thread-safe. */
public interface ClusterWorker extends AutoCloseable {

    /** This member's address as the others see it ({@code 127.0.0.1:5702}). */
    String address();

    /** What this worker is doing now. */
    MemberStatus status();

    /** Blocks until the worker is closed or its cluster member stops. */
    void awaitStop() throws InterruptedException;

    /** Leaves the cluster; a segment being rendered is abandoned (the coordinator re-runs it elsewhere). */
    @Override
    void close();
}
