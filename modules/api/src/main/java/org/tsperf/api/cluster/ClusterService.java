package org.tsperf.api.cluster;

import java.io.IOException;
import java.util.List;

/**
 * Distributed rendering on an embedded Hazelcast cluster (open-source edition): TCP-IP join with an explicit member
 * list, multicast off, bound to 127.0.0.1 unless told otherwise. Open-source Hazelcast has no member
 * authentication, so trust is in the payloads: every task and every result carries an HMAC-SHA256 with the shared
 * secret, checked before a task runs and before a result is accepted; a member that cannot prove it holds the secret
 * gets no work. Nothing listens on the network until one of these methods is called. Provided through Lookup by the
 * cluster module.
 */
public interface ClusterService {

    /**
     * Starts a headless worker that joins the cluster and renders the segments handed to it, reading media only
     * under the settings' media roots, until {@link ClusterWorker#close()}.
     *
     * @throws IOException when the secret file cannot be read or is too short, a media root is missing, or the
     *                     member cannot listen on the address
     */
    ClusterWorker startWorker(ClusterSettings settings) throws IOException;

    /**
     * Joins the cluster as a coordinator (a member that hands out work and renders none itself).
     *
     * @throws IOException when the secret file cannot be read or the member cannot listen on the address
     */
    ClusterSession connect(ClusterSettings settings) throws IOException;

    /**
     * The clusters this process takes part in now, one status per coordinator session or worker started through
     * this service and not yet closed, oldest first; empty when none runs (then nothing listens). For the monitor:
     * cheap and non-blocking, from any thread. A worker sees the members (its own load, the others' roles) and the
     * segment it renders; a coordinator sees every member's load and the segments in flight.
     */
    default List<ClusterStatus> running() {
        return List.of();
    }
}
