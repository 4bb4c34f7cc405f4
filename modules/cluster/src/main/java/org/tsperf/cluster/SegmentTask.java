package org.tsperf.cluster;

import java.nio.file.Path;
import java.util.Locale;
import org.tsperf.api.cluster.SegmentInFlight;
import org.tsperf.api.timeline.ExportFormat;

/**
 * One segment of an export handed to a worker, signed by the coordinator with the shared secret. The worker checks
 * the signature before anything else, then the paths against its media roots; the segment's file name is the
 * worker's own choice inside the job folder, never the task's.
 */
final class SegmentTask extends WorkerTask {

    private static final long serialVersionUID = 1L;

    final long in;
    final long out;
    final long jobIn;
    final long jobOut;
    final String format;
    final String projectJson;

    SegmentTask(String cluster, String jobId, int index, long in, long out, long jobIn, long jobOut, String format,
            String projectJson, String jobFolder, String nonce, String coordinator, byte[] mac) {
        super(cluster, jobId, index, jobFolder, nonce, coordinator, mac);
        this.in = in;
        this.out = out;
        this.jobIn = jobIn;
        this.jobOut = jobOut;
        this.format = format;
        this.projectJson = projectJson;
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

    @Override
    byte[] content() {
        return Canonical.of("tsperf-segment-task-v1").text(cluster).text(jobId).number(index).number(in)
                .number(out).number(jobIn).number(jobOut).text(format).text(projectJson).text(jobFolder).text(nonce)
                .text(coordinator).bytes();
    }

    @Override
    Path perform(WorkerNode worker, Path folder) throws Exception {
        return worker.renderSegment(this, folder);
    }

    static String fileName(int index, ExportFormat format) {
        return String.format(Locale.ROOT, "segment-%05d.%s", index, format.extension());
    }

    static String sidecarName(int index) {
        return String.format(Locale.ROOT, "segment-%05d.result", index);
    }

    @Override
    String kind() {
        return SegmentInFlight.SEGMENT;
    }

    @Override
    String sidecarName() {
        return sidecarName(index);
    }

    @Override
    public String toString() {
        return "segment " + index + " (frames " + in + "-" + out + ") of job " + jobId;
    }
}
