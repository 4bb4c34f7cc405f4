package org.tsperf.api.timeline;

import java.util.Objects;

/**
 * One piece of the timeline for preview rendering: frames {@code [start, end)} and the fingerprint of everything that
 * makes their pictures (the sources' content, the clips, effects and transitions that touch them, the preview size
 * and the renderer's version). Equal fingerprints mean equal pictures, so a rendered chunk is found again by it after
 * an undo or a restart.
 *
 * @param index       chunk number from the timeline's start
 * @param start       first timeline frame
 * @param end         the frame after the last one
 * @param fingerprint hex digest
 * @param needsRender true where the pictures cannot be shown in real time from the sources: effects, transitions,
 *                    opacity below 1, or sources too heavy to decode at the project's rate
 */
public record PreviewChunk(int index, long start, long end, String fingerprint, boolean needsRender) {

    public PreviewChunk {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (index < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("chunk " + index + ": frames " + start + " to " + end);
        }
    }
}
