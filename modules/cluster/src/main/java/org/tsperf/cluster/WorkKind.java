package org.tsperf.cluster;

/**
 * What a {@link Handout} hands out: a job's items (an export's segments, a proxy batch's sources), each made into a
 * signed task for one worker, and what a done item's result must name.
 */
interface WorkKind {

    /** How many items the job has (indexes 0 to size - 1). */
    int size();

    /** The item in words, for logs and failures: "segment 3 (frames 30-40)", "the proxies of /media/a.mp4". */
    String describe(int index);

    /** The item's frames, for the segments in flight; 0 when not known beforehand. */
    long frames(int index);

    /** The item's task, signed with the shared secret, for the attempt {@code nonce}. */
    WorkerTask task(int index, String nonce);

    /** The name of the item's signed result in the job folder (written by the worker that did it). */
    String sidecarName(int index);

    /**
     * Why the file a verified result names is not the item's (its name, or what the file lists), or null when it
     * is; the file's own size and SHA-256 are checked already.
     */
    String checkFile(SegmentResult r, int index);

    /** Whether an item that failed {@link Handout#MAX_FAILURES} times fails the whole job, or only itself. */
    boolean failsJob();
}
