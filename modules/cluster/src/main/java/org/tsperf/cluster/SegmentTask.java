package org.tsperf.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One segment of an export handed to a worker, signed by the coordinator with the shared secret. The worker checks
 * the signature before anything else, then the paths against its media roots; the segment's file name is the
 * worker's own choice inside the job folder, never the task's.
 */
final class SegmentTask implements Callable<SegmentResult>, HazelcastInstanceAware, Serializable {

    private static final long serialVersionUID = 1L;

    final String cluster;
    final String jobId;
    final int index;
    final long in;
    final long out;
    final long jobIn;
    final long jobOut;
    final String format;
    final String projectJson;
    final String jobFolder;
    final String nonce;
    final String coordinator;
    final byte[] mac;
    private transient HazelcastInstance instance;

    SegmentTask(String cluster, String jobId, int index, long in, long out, long jobIn, long jobOut, String format,
            String projectJson, String jobFolder, String nonce, String coordinator, byte[] mac) {
        this.cluster = cluster;
        this.jobId = jobId;
        this.index = index;
        this.in = in;
        this.out = out;
        this.jobIn = jobIn;
        this.jobOut = jobOut;
        this.format = format;
        this.projectJson = projectJson;
        this.jobFolder = jobFolder;
        this.nonce = nonce;
        this.coordinator = coordinator;
        this.mac = mac == null ? null : mac.clone();
    }

    static SegmentTask signed(Secret secret, String cluster, String jobId, int index, long in, long out, long jobIn,
            long jobOut, String format, String projectJson, String jobFolder, String nonce, String coordinator) {
        SegmentTask unsigned = new SegmentTask(cluster, jobId, index, in, out, jobIn, jobOut, format, projectJson,
                jobFolder, nonce, coordinator, null);
        return unsigned.withMac(secret.mac(unsigned.content()));
    }

    SegmentTask withMac(byte[] newMac) {
        return new SegmentTask(cluster, jobId, index, in, out, jobIn, jobOut, format, projectJson, jobFolder, nonce,
                coordinator, newMac);
    }

    /** The bytes the signature covers: every field but the signature. */
    byte[] content() {
        return Canonical.of("tsperf-segment-task-v1").text(cluster).text(jobId).number(index).number(in)
                .number(out).number(jobIn).number(jobOut).text(format).text(projectJson).text(jobFolder).text(nonce)
                .text(coordinator).bytes();
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public SegmentResult call() {
        Object context = instance == null ? null : instance.getUserContext().get(WorkerNode.CONTEXT_KEY);
        if (context instanceof WorkerNode worker) {
            return worker.run(this);
        }
        return SegmentResult.unsigned(jobId, index, nonce, "this member is not a render worker");
    }

    @Override
    public String toString() {
        return "segment " + index + " (frames " + in + "-" + out + ") of job " + jobId;
    }
}
