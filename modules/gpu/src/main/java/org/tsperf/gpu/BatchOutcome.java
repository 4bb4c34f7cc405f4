package org.tsperf.gpu;

import org.tsperf.api.gpu.Frame;

/**
 * What one {@link BatchJob} of a batch gave: its frame, or why it failed. A job's failure does not fail the other
 * jobs of its batch.
 */
public record BatchOutcome(Frame frame, RuntimeException error) {

    public static BatchOutcome of(Frame frame) {
        return new BatchOutcome(frame, null);
    }

    public static BatchOutcome failed(RuntimeException error) {
        return new BatchOutcome(null, error);
    }

    public boolean failed() {
        return error != null;
    }
}
