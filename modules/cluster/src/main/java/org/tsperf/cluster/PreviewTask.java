package org.tsperf.cluster;

import java.nio.file.Path;
import java.util.Locale;
import org.tsperf.api.cluster.SegmentInFlight;

/**
 * One preview chunk of a project, handed to a worker and signed by the coordinator with the shared secret: the project
 * (its clips' sources must lie under the worker's media roots), the chunk's fingerprint (the worker plans the project
 * as the coordinator does and renders the chunk of that fingerprint, refusing when it finds none) and the job folder.
 */
final class PreviewTask extends WorkerTask {

    private static final long serialVersionUID = 1L;

    final String projectJson;
    final String fingerprint;

    PreviewTask(String cluster, String jobId, int index, String projectJson, String fingerprint, String jobFolder,
            String nonce, String coordinator, byte[] mac) {
        super(cluster, jobId, index, jobFolder, nonce, coordinator, mac);
        this.projectJson = projectJson;
        this.fingerprint = fingerprint;
    }

    static PreviewTask signed(Secret secret, String cluster, String jobId, int index, String projectJson,
            String fingerprint, Path jobFolder, String nonce, String coordinator) {
        PreviewTask unsigned = new PreviewTask(cluster, jobId, index, projectJson, fingerprint, jobFolder.toString(),
                nonce, coordinator, null);
        return new PreviewTask(cluster, jobId, index, projectJson, fingerprint, unsigned.jobFolder, nonce,
                coordinator, secret.mac(unsigned.content()));
    }

    /** The file, in the job folder, where the attempt {@code nonce} renders chunk {@code index}. */
    static String fileName(int index, String nonce) {
        return String.format(Locale.ROOT, "preview-%05d-%s.mp4", index, nonce.substring(0, 8));
    }

    static String sidecarName(int index) {
        return String.format(Locale.ROOT, "preview-%05d.result", index);
    }

    @Override
    byte[] content() {
        return Canonical.of("tsperf-preview-task-v1").text(cluster).text(jobId).number(index).text(projectJson)
                .text(fingerprint).text(jobFolder).text(nonce).text(coordinator).bytes();
    }

    @Override
    Path perform(WorkerNode worker, Path folder) throws Exception {
        return PreviewBatch.render(this, worker, folder);
    }

    @Override
    String kind() {
        return SegmentInFlight.PREVIEW;
    }

    @Override
    String sidecarName() {
        return sidecarName(index);
    }

    @Override
    public String toString() {
        return "preview chunk " + index + " (" + fingerprint + ") of job " + jobId;
    }
}
