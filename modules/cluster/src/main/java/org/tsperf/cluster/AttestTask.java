package org.tsperf.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * The coordinator's challenge to a member: sign this fresh nonce with your member id. Only a worker holding the
 * shared secret answers with a signature that verifies; the others get no work.
 */
final class AttestTask implements Callable<String>, HazelcastInstanceAware, Serializable {

    private static final long serialVersionUID = 1L;

    final String cluster;
    final String nonce;
    private transient HazelcastInstance instance;

    AttestTask(String cluster, String nonce) {
        this.cluster = cluster;
        this.nonce = nonce;
    }

    static byte[] content(String cluster, String nonce, String memberUuid) {
        return Canonical.of("tsperf-attest-v1").text(cluster).text(nonce).text(memberUuid).bytes();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    /** The Base64 HMAC of the challenge with this member's id, or "" from a member that is not a worker. */
    @Override
    public String call() {
        Object context = instance == null ? null : instance.getUserContext().get(WorkerNode.CONTEXT_KEY);
        if (context instanceof WorkerNode worker) {
            return worker.attest(cluster, nonce);
        }
        return "";
    }
}
