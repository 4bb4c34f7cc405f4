package org.tsperf.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A task for a worker, signed by the coordinator: what every kind carries and a worker checks before anything else
 * ({@link WorkerNode#run}), and the work itself, done on the worker of the member it runs on.
 */
abstract class WorkerTask implements Callable<SegmentResult>, HazelcastInstanceAware, Serializable {

    private static final long serialVersionUID = 1L;

    final String cluster;
    final String jobId;
    final int index;
    final String jobFolder;
    final String nonce;
    final String coordinator;
    final byte[] mac;
    private transient HazelcastInstance instance;

    WorkerTask(String cluster, String jobId, int index, String jobFolder, String nonce, String coordinator,
            byte[] mac) {
        this.cluster = cluster;
        this.jobId = jobId;
        this.index = index;
        this.jobFolder = jobFolder;
        this.nonce = nonce;
        this.coordinator = coordinator;
        this.mac = mac == null ? null : mac.clone();
    }

    /** The bytes the signature covers: every field but the signature. */
    abstract byte[] content();

    /** What the task makes, as the monitor and {@code cluster status} name it ({@code SegmentInFlight.kind}). */
    abstract String kind();

    /** The name of the signed result the worker keeps in the job folder. */
    abstract String sidecarName();

    /**
     * Does the work in the (checked) job folder on {@code worker}.
     *
     * @return the file the result describes (its name, size and SHA-256 are signed)
     */
    abstract Path perform(WorkerNode worker, Path folder) throws Exception;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public SegmentResult call() {
        return WorkerNode.runOn(instance, this);
    }
}
