package org.tsperf.api.cluster;

import java.util.List;

/**
 * The outcome of a preview render on the cluster ({@code render --preview --cluster}): the job, how many chunks the
 * project needed and were missing from the coordinator's preview cache ({@code pending}), how many of them were
 * rendered by workers and taken into that cache ({@code stored}), the chunks that could not be (one reason each),
 * the failures of members along the way, results refused (bad signature or file) and chunks found done from an
 * earlier run of the same job.
 */
public record ClusterPreviewResult(String jobId, int pending, int stored, List<String> errors,
        List<MemberFailure> failures, int refusedResults, int resumed) {

    public ClusterPreviewResult {
        errors = List.copyOf(errors);
        failures = List.copyOf(failures);
    }
}
