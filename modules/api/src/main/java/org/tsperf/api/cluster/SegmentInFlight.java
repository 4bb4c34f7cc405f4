package org.tsperf.api.cluster;

/**
 * An item of a cluster job being worked on: a segment of an export, the proxies of a proxy batch's source, or a
 * preview chunk.
 *
 * @param jobId      its job
 * @param index      its place in the job (the export's segment; the source or chunk among those handed out)
 * @param member     the member working on it
 * @param framesDone frames made so far (0 where not counted: proxies, preview chunks)
 * @param frames     frames in the item (0 where not known: proxies)
 * @param kind       {@link #SEGMENT}, {@link #PROXIES} or {@link #PREVIEW}
 */
public record SegmentInFlight(String jobId, int index, String member, long framesDone, long frames, String kind) {

    /** A segment of an export ({@code render --cluster}). */
    public static final String SEGMENT = "segment";
    /** The proxies of one source of a proxy batch ({@code proxy --cluster}). */
    public static final String PROXIES = "proxies";
    /** A preview chunk ({@code render --preview --cluster}). */
    public static final String PREVIEW = "preview";

    /** A segment of an export. */
    public SegmentInFlight(String jobId, int index, String member, long framesDone, long frames) {
        this(jobId, index, member, framesDone, frames, SEGMENT);
    }
}
