package org.tsperf.api.cluster;

import java.nio.file.Path;

/**
 * The proxies of one source made on the cluster.
 *
 * @param index    the source's place in the batch
 * @param source   the source
 * @param member   the member that made them ({@code HOST:PORT})
 * @param attempts how many times the source was handed out (0: found made from an earlier run)
 * @param seconds  the worker's time
 */
public record ProxyFileReport(int index, Path source, String member, int attempts, double seconds) {
}
