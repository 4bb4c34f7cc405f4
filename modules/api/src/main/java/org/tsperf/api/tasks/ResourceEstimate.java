package org.tsperf.api.tasks;

import java.time.Duration;
import java.util.Objects;

/**
 * What a task is expected to need while it runs. Shares are fractions of the whole machine, 0 to 1.
 *
 * @param cpu            share of all processors
 * @param memory         share of physical memory
 * @param gpu            share of the GPU
 * @param io             share of disk bandwidth
 * @param expectedDuration how long it should take; shown as the ETA before progress is known
 */
public record ResourceEstimate(double cpu, double memory, double gpu, double io, Duration expectedDuration) {

    public static final ResourceEstimate TRIVIAL = new ResourceEstimate(0, 0, 0, 0, Duration.ZERO);

    public ResourceEstimate {
        Objects.requireNonNull(expectedDuration, "expectedDuration");
        for (double share : new double[] {cpu, memory, gpu, io}) {
            if (Double.isNaN(share) || share < 0 || share > 1) {
                throw new IllegalArgumentException("resource shares are fractions 0..1, got " + share);
            }
        }
    }
}
