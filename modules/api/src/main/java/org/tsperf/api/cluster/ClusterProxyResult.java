package org.tsperf.api.cluster;

import java.util.List;
import org.tsperf.api.proxy.ProxyResult;

/**
 * A finished proxy batch on the cluster.
 *
 * @param jobId          the job's id (its folder's name ends with it)
 * @param results        one result per source, in the order given: made on the cluster and now in the store
 *                       ({@code GENERATED}), found there ({@code UP_TO_DATE}, {@code RELINKED}), or {@code FAILED}
 * @param files          each source made on the cluster, with the member that made its proxies
 * @param failures       each failed attempt: the member, the source's index in {@code results} and why
 * @param refusedResults results refused because their signature or files did not verify
 * @param resumed        sources found made in the job folder from an earlier run, not made again
 */
public record ClusterProxyResult(String jobId, List<ProxyResult> results, List<ProxyFileReport> files,
        List<MemberFailure> failures, int refusedResults, int resumed) {

    public ClusterProxyResult {
        results = List.copyOf(results);
        files = List.copyOf(files);
        failures = List.copyOf(failures);
    }
}
