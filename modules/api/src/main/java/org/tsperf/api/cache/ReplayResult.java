package org.tsperf.api.cache;

/** The outcome of replaying a trace: every access is a get, and a miss is followed by a put. */
public record ReplayResult(ReplayPolicy policy, long capacityBytes, long requests, long hits, long requestedBytes,
        long hitBytes) {

    public double hitRate() {
        return requests == 0 ? 0 : (double) hits / requests;
    }

    public double byteHitRate() {
        return requestedBytes == 0 ? 0 : (double) hitBytes / requestedBytes;
    }
}
