package org.tsperf.api.cluster;

import java.util.List;
import org.tsperf.api.timeline.ExportResult;

/**
 * A finished cluster export.
 *
 * @param export         the joined file, as probed
 * @param jobId          the job's id (its folder's name ends with it)
 * @param segments       every segment with the member that rendered it, in order
 * @param failures       each failed attempt: the member, the segment and why
 * @param refusedResults results refused because their signature or content did not verify
 * @param resumed        segments found done in the job folder from an earlier run, not rendered again
 */
public record ClusterExportResult(ExportResult export, String jobId, List<SegmentReport> segments,
        List<MemberFailure> failures, int refusedResults, int resumed) {

    public ClusterExportResult {
        segments = List.copyOf(segments);
        failures = List.copyOf(failures);
    }
}
