package org.tsperf.api.cluster;

import java.util.List;

/**
 * The outcome of a preview render on the cluster ({@code render --preview --cluster}): the job, how many chunks the
 * project needed and were missing from the coordinator's preview cache ({@code pending}), how many of them were
 * rendered by workers and taken into that cache ({@code stored}), the chunks that could not be (one reason each),
 * the failures of members along the way, results refused (bad signature or file), chunks found done from an earlier
 * run of the same job, and each chunk stored with the member that rendered it ({@code chunks}, in item order).
 */
public record ClusterPreviewResult(String jobId, int pending, int stored, List<String> errors,
        List<MemberFailure> failures, int refusedResults, int resumed, List<PreviewChunkReport> chunks) {

    public ClusterPreviewResult {
        errors = List.copyOf(errors);
        failures = List.copyOf(failures);
        chunks = List.copyOf(chunks);
    }

    /** A result that names no chunk's member. */
    public ClusterPreviewResult(String jobId, int pending, int stored, List<String> errors,
            List<MemberFailure> failures, int refusedResults, int resumed) {
        this(jobId, pending, stored, errors, failures, refusedResults, resumed, List.of());
    }
}
