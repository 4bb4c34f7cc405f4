package org.tsperf.api.timeline;

import java.nio.file.Path;

/**
 * A finished export, as probed after writing.
 *
 * @param file          the written file
 * @param frames        video frames in it
 * @param durationMicros its duration
 * @param seconds       wall time the export took
 * @param realTimeSpeed media seconds written per wall second
 */
public record ExportResult(Path file, long frames, long durationMicros, double seconds, double realTimeSpeed) {
}
